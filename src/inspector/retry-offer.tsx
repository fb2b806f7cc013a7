import { useState } from 'preact/hooks';
import type { FlowErrorInfo } from '../core/flow-error.ts';
import type { Run } from '../core/run.ts';
import { invalidClientRetries } from '../core/view/actions.ts';
import { send } from '../messages.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { t } from '../ui/words.ts';

/** After `invalid_client`: log in again with each method the provider advertises, one click each. */
export function RetryOffer({ run }: { run: Run }) {
  const [error, setError] = useState<FlowErrorInfo>();
  const methods = invalidClientRetries(run);
  if (methods.length === 0) return null;
  const retry = async (clientAuth: (typeof methods)[number]) => {
    setError(undefined);
    const answer = await send('retryRun', { runId: run.id, clientAuth });
    if (!answer.ok) setError(answer.error);
  };
  return (
    <div class="actions">
      {methods.map((m) => (
        <button key={m} type="button" onClick={() => void retry(m)}>
          {t('retryWith', m)}
        </button>
      ))}
      {error && <ErrorAlert error={error} />}
    </div>
  );
}
