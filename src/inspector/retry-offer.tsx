import { useState } from 'preact/hooks';
import type { FlowErrorInfo } from '../core/flow-error.ts';
import type { Run } from '../core/run/run.ts';
import { clientAuthRetries, parRetry, type RetrySetting } from '../core/view/actions.ts';
import { send } from '../messages.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { t } from '../ui/words.ts';

const label = (setting: RetrySetting) =>
  'clientAuth' in setting
    ? t('retryWith', setting.clientAuth)
    : 'encodeBasic' in setting
      ? t(setting.encodeBasic ? 'retryEncodedBasic' : 'retryRawBasic')
      : 'usePar' in setting
        ? t('retryPar')
        : t(setting.assertionAudience === 'endpoint' ? 'retryAudienceEndpoint' : 'retryAudienceIssuer');

/**
 * After the client's credentials were refused, the likeliest fix first: another secret, typed here;
 * then the Basic credential the other way, or each method the provider advertises, one click each.
 */
export function RetryOffer({ run }: { run: Run }) {
  const [error, setError] = useState<FlowErrorInfo>();
  const [secret, setSecret] = useState('');
  const auth = clientAuthRetries(run);
  // After "Pushed Authorization Request must be used" (RFC 9126 §5), the same login pushed.
  const settings: RetrySetting[] = [...auth.settings, ...(parRetry(run) ? [{ usePar: true } as const] : [])];
  const offers = { secret: auth.secret, settings };
  if (!offers.secret && offers.settings.length === 0) return null;
  const retry = async (setting: RetrySetting | { credential: { kind: 'secret'; secret: string } }) => {
    setError(undefined);
    const answer = await send('retryRun', { runId: run.id, ...setting });
    if (!answer.ok) setError(answer.error);
  };
  return (
    <div class="actions">
      {offers.secret && (
        <form
          class="retry-secret"
          onSubmit={(e) => {
            e.preventDefault();
            if (secret !== '') void retry({ credential: { kind: 'secret', secret } });
          }}
        >
          <label>
            {t('clientSecret')}{' '}
            <input
              type="password"
              autocomplete="off"
              value={secret}
              onInput={(e) => setSecret(e.currentTarget.value)}
            />
          </label>{' '}
          <button type="submit" disabled={secret === ''}>
            {t('retryWithSecret')}
          </button>
        </form>
      )}
      {offers.settings.map((setting) => (
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
