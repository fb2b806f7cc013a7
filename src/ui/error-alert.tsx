import type { FlowErrorInfo } from '../core/flow-error.ts';

/** Every error the user sees goes through here: one element with role="alert". */
export function ErrorAlert({ error }: { error: FlowErrorInfo }) {
  return (
    <div class="alert" role="alert" data-code={error.code}>
      <p>
        <strong>{error.message}</strong>
      </p>
      {error.expected !== undefined && (
        <p>
          Expected: <code>{error.expected}</code>
        </p>
      )}
      {error.actual !== undefined && (
        <p>
          Actual: <code>{error.actual}</code>
        </p>
      )}
      {error.hint && <p>{error.hint}</p>}
    </div>
  );
}
