import type { ParamRows } from '../core/protocol/extra-params.ts';
import { t } from './words.ts';

/** Name/value rows for extra request parameters; a name may repeat, an empty row is not sent. */
export function ParamRowsField({
  legend,
  rowName,
  addLabel,
  rows,
  onChange,
}: {
  legend: string;
  /** "Authorization parameter 2": names the row controls for people and screen readers. */
  rowName: (n: number) => string;
  addLabel: string;
  rows: ParamRows;
  onChange: (rows: ParamRows) => void;
}) {
  const set = (i: number, at: 0 | 1, text: string) =>
    onChange(
      rows.map((row, j): [string, string] => (j === i ? (at === 0 ? [text, row[1]] : [row[0], text]) : row)),
    );
  return (
    <fieldset class="param-rows">
      <legend>{legend}</legend>
      {rows.map(([name, value], i) => (
        <div class="row" key={i}>
          {[t('paramName'), t('paramValue')].map((part, at) => (
            <input
              key={part}
              aria-label={`${rowName(i + 1)} ${part}`}
              placeholder={part}
              value={at === 0 ? name : value}
              spellcheck={false}
              onInput={(e) => set(i, at === 0 ? 0 : 1, e.currentTarget.value)}
            />
          ))}
          <button
            type="button"
            aria-label={t('removeRow', rowName(i + 1))}
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
          >
            {t('remove')}
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...rows, ['', '']])}>
        {addLabel}
      </button>
    </fieldset>
  );
}
