import type { FlowErrorInfo } from '../core/flow-error.ts';

/** Every error the user sees goes through here: one element with role="alert". */
export function ErrorAlert({ error }: { error: FlowErrorInfo | string }) {
  const info = typeof error === 'string' ? { message: error } : error;
  return (
    <div class="alert" role="alert">
      <p>
        <strong>{info.message}</strong>
      </p>
      {'expected' in info && info.expected !== undefined && (
        <p>
          Expected: <code>{info.expected}</code>
        </p>
      )}
      {'actual' in info && info.actual !== undefined && (
        <p>
          Actual: <code>{info.actual}</code>
        </p>
      )}
      {'hint' in info && info.hint && <p>{info.hint}</p>}
    </div>
  );
}
