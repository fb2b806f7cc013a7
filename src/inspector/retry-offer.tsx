import { useState } from 'preact/hooks';
import type { FlowErrorInfo } from '../core/flow-error.ts';
import type { Run } from '../core/run/run.ts';
import { clientAuthRetries, type RetrySetting } from '../core/view/actions.ts';
import { send } from '../messages.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { t } from '../ui/words.ts';

const label = (setting: RetrySetting) =>
  'clientAuth' in setting
    ? t('retryWith', setting.clientAuth)
    : t(setting.encodeBasic ? 'retryEncodedBasic' : 'retryRawBasic');

/**
 * After the client's credentials were refused: log in again with the Basic credential the other way,
 * or with each method the provider advertises, one click each.
 */
export function RetryOffer({ run }: { run: Run }) {
  const [error, setError] = useState<FlowErrorInfo>();
  const retries = clientAuthRetries(run);
  if (retries.length === 0) return null;
  const retry = async (setting: RetrySetting) => {
    setError(undefined);
    const answer = await send('retryRun', { runId: run.id, ...setting });
    if (!answer.ok) setError(answer.error);
  };
  return (
    <div class="actions">
      {retries.map((setting) => (
        <button key={label(setting)} type="button" onClick={() => void retry(setting)}>
          {label(setting)}
        </button>
      ))}
      {error && <ErrorAlert error={error} />}
    </div>
  );
}

/** After a retry succeeded: its setting kept in the profile, on request. */
export function KeepRetrySetting({ run }: { run: Run }) {
  const [error, setError] = useState<FlowErrorInfo>();
  const [kept, setKept] = useState<string>();
  if (!run.retry || run.status !== 'done' || run.redacted) return null;
  const keep = async () => {
    setError(undefined);
    const answer = await send('keepRetrySetting', { runId: run.id });
    if (answer.ok) setKept(answer.value.profileName);
    else setError(answer.error);
  };
  return (
    <div class="actions">
      <button type="button" disabled={kept !== undefined} onClick={() => void keep()}>
        {t('keepSetting')}
      </button>
      {kept !== undefined && <p role="status">{t('keptSetting', kept)}</p>}
      {error && <ErrorAlert error={error} />}
    </div>
  );
}
