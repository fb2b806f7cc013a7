import type { ParamRows } from '../core/extra-params.ts';

/** Name/value rows for extra request parameters; a name may repeat, an empty row is not sent. */
export function ParamRowsField({
  legend,
  noun,
  rows,
  onChange,
}: {
  legend: string;
  /** "authorization parameter": names the row controls for people and screen readers. */
  noun: string;
  rows: ParamRows;
  onChange: (rows: ParamRows) => void;
}) {
  const set = (i: number, at: 0 | 1, text: string) =>
    onChange(
      rows.map((row, j): [string, string] => (j === i ? (at === 0 ? [text, row[1]] : [row[0], text]) : row)),
    );
  const capital = noun[0]!.toUpperCase() + noun.slice(1);
  return (
    <fieldset class="param-rows">
      <legend>{legend}</legend>
      {rows.map(([name, value], i) => (
        <div class="row" key={i}>
          {(['name', 'value'] as const).map((part, at) => (
            <input
              key={part}
              aria-label={`${capital} ${i + 1} ${part}`}
              placeholder={part}
              value={at === 0 ? name : value}
              spellcheck={false}
              onInput={(e) => set(i, at === 0 ? 0 : 1, e.currentTarget.value)}
            />
          ))}
          <button
            type="button"
            aria-label={`Remove ${noun} ${i + 1}`}
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
          >
            Remove
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...rows, ['', '']])}>
        Add {noun}
      </button>
    </fieldset>
  );
}
