import { useEffect, useId, useState } from 'preact/hooks';
import type { FlowErrorInfo } from '../core/flow-error.ts';
import type { Run } from '../core/run/run.ts';
import {
  API_METHODS,
  apiCallProblems,
  unavailableBecause,
  type ApiCall,
  type ApiMethod,
} from '../core/view/actions.ts';
import { originNames, originPatterns } from '../core/view/origins.ts';
import { send } from '../messages.ts';
import { requestOrigins } from '../platform/permissions.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { ParamRowsField } from '../ui/param-rows.tsx';
import { spoken, t } from '../ui/words.ts';
import { revealStep } from './token-actions.tsx';

const CONTENT_TYPES = [
  'application/json',
  'application/x-www-form-urlencoded',
  'application/jwt',
  'text/plain',
];

const EMPTY: ApiCall = { method: 'GET', url: '', headers: [], body: '', contentType: 'application/json' };

/**
 * Call an API with the run's access token (Bearer, or DPoP with a proof for its URL): Method, URL, Headers,
 * Body, Send. The request is checked here first (a problem said, nothing sent, nothing else changed), host
 * access asked for its origin in the click, and the answer is a step of the run below, checked and explained.
 */
export function ApiCallForm({ run }: { run: Run }) {
  const [call, setCall] = useState<ApiCall>(EMPTY);
  const [error, setError] = useState<FlowErrorInfo>();
  const [busy, setBusy] = useState(false);
  const [recent, setRecent] = useState<ApiCall[]>([]);
  const reasonId = useId();
  const profileName = run.profileName ?? '';
  const load = async () => {
    const answer = await send('recentApiCalls', { profileName });
    if (answer.ok) setRecent(answer.value);
  };
  useEffect(() => void load(), [profileName]);
  const change = (part: Partial<ApiCall>) => setCall((c) => ({ ...c, ...part }));
  // What the run lacks (no token yet, a redacted copy): said beside Send. The request's own problems are
  // said when Send is pressed.
  const runReason = unavailableBecause(run, {
    action: 'api',
    call: { method: 'GET', url: 'https://api.example/', headers: [] },
  });
  const sendCall = async () => {
    const asked: ApiCall = { ...call, ...(call.method === 'GET' ? { body: '' } : {}) };
    const problems = apiCallProblems(asked);
    if (problems.length) {
      setError({ code: 'invalid_input', sayAll: problems.map((p) => p.say) });
      return;
    }
    const origins = originPatterns([asked.url]);
    // First thing in the click, before any await: Firefox grants host access only in the gesture.
    const granted = requestOrigins(origins);
    setError(undefined);
    setBusy(true);
    const stepIndex = run.steps.length;
    const answer = (await granted.catch(() => false))
      ? await send('runAction', { runId: run.id, action: 'api', call: asked })
      : ({
          ok: false,
          error: { code: 'permission_refused', message: t('accessRefusedAction', originNames(origins)) },
        } as const);
    setBusy(false);
    if (!answer.ok) setError(answer.error);
    else {
      revealStep(stepIndex);
      void load();
    }
  };
  return (
    <section aria-labelledby="api-call-heading" class="api-call">
      <h3 id="api-call-heading">{t('apiCallHeading')}</h3>
      <div class="row">
        <label>
          {t('apiMethod')}{' '}
          <select
            value={call.method}
            onChange={(e) => change({ method: e.currentTarget.value as ApiMethod })}
          >
            {API_METHODS.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </label>
        <label class="grow">
          {t('apiUrl')}{' '}
          <input
            type="url"
            value={call.url}
            spellcheck={false}
            placeholder="https://api.example/accounts"
            onInput={(e) => change({ url: e.currentTarget.value })}
          />
        </label>
      </div>
      <ParamRowsField
        legend={t('apiHeaders')}
        rowName={(n) => t('apiHeaderRow', n)}
        addLabel={t('apiHeaderAdd')}
        rows={call.headers}
        onChange={(headers) => change({ headers })}
      />
      {call.method !== 'GET' && (
        <>
          <label>
            {t('apiContentTypeLabel')}{' '}
            <input
              list="api-content-types"
              value={call.contentType ?? ''}
              spellcheck={false}
              onInput={(e) => change({ contentType: e.currentTarget.value })}
            />
          </label>
          <datalist id="api-content-types">
            {CONTENT_TYPES.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
          <label class="block">
            {t('apiBody')}
            <textarea
              rows={6}
              spellcheck={false}
              value={call.body ?? ''}
              onInput={(e) => change({ body: e.currentTarget.value })}
            />
          </label>
        </>
      )}
      <label class="check">
        <input
          type="checkbox"
          checked={call.interactionId === true}
          onChange={(e) => change({ interactionId: e.currentTarget.checked })}
        />
        {t('apiInteractionId')}
      </label>
      <div class="row">
        <button
          type="button"
          disabled={!!runReason || busy}
          aria-busy={busy || undefined}
          aria-describedby={runReason ? reasonId : undefined}
          onClick={() => void sendCall()}
        >
          {busy ? '…' : t('apiSend')}
        </button>
        {runReason && (
          <span id={reasonId} class="muted">
            {' '}
            {spoken(runReason.say, runReason.message)}
          </span>
        )}
      </div>
      {error && <ErrorAlert error={error} />}
      {recent.length > 0 && (
        <details>
          <summary>{t('apiRecent', recent.length)}</summary>
          <ul class="api-recent">
            {recent.map((r, i) => (
              <li key={i}>
                <button type="button" onClick={() => setCall({ ...EMPTY, ...r })}>
                  {t('apiRecentUse', `${r.method} ${r.url}`)}
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
