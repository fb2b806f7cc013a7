import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

interface Props {
  label: string;
  value: string;
  onInput: (value: string) => void;
  /** Fires when the user commits the value (blur or Enter), e.g. to run discovery. */
  onChange?: (value: string) => void;
  type?: 'text' | 'password';
  hint?: string;
  /** What is wrong with the value as typed, said at once under the field. */
  problem?: string | undefined;
  autocomplete?: string;
  /** The id of a datalist of suggestions. */
  list?: string;
  children?: ComponentChildren;
}

/** A labelled text input; `children` sit beside it (e.g. a copy button). */
export function TextField({
  label,
  value,
  onInput,
  onChange,
  type = 'text',
  hint,
  problem,
  autocomplete,
  list,
  children,
}: Props) {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <div class="row">
        <input
          id={id}
          // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- tsc needs it: preact 11 discriminates inputs on a literal `type`
          type={type as 'text'}
          value={value}
          spellcheck={false}
          autocomplete={autocomplete}
          list={list}
          onInput={(e) => onInput(e.currentTarget.value)}
          onChange={onChange ? (e) => onChange(e.currentTarget.value) : undefined}
        />
        {children}
      </div>
      {hint && <p class="hint">{hint}</p>}
      {problem && (
        <p class="hint problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
