import { originOf } from '../core/view/origins.ts';
import { useState } from 'preact/hooks';
import type { Check } from '../core/checks/check.ts';
import type { FlowErrorInfo } from '../core/flow-error.ts';
import { requestOrigins } from '../platform/permissions.ts';
import { ChecksSection } from '../ui/checks-section.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { fetchedSignature } from './analyse.ts';
import { ClaimsTable } from '../ui/claims-table.tsx';
import { CopyButton } from '../ui/copy-button.tsx';
import { download } from '../ui/download.ts';
import type { LoginAttempt, Trace } from './analysis/attempts.ts';
import { PresentationMode, Secretish } from '../ui/presentation.tsx';
import { PresentationToggle } from '../ui/presentation-toggle.tsx';
import { SendFailures } from '../ui/send-failures.tsx';
import { usePresentation } from '../ui/use-presentation.ts';
import type { Shareable } from './analysis/worker.ts';
import type { CleanOptions } from './analysis/clean-har.ts';
import { traceMarkdown } from './analysis/trace-report.ts';
import { count, spoken, t, words } from '../ui/words.ts';

/** The report of the redacted copy's analysis, in the reader's language: written when it is copied. */
const report = (safe: Trace, fileName: string) => () =>
  Promise.resolve({ ok: true as const, value: traceMarkdown(safe, fileName, words) });

/**
 * When the HAR holds no JWKS, the person may let the extension fetch the provider's keys (asking for
 * access to its origin first) and check the ID token against them.
 */
function FetchKeys({ attempt, onCheck }: { attempt: LoginAttempt; onCheck: (check: Check) => void }) {
  const [error, setError] = useState<FlowErrorInfo>();
  const [busy, setBusy] = useState(false);
  // Loopback URLs the person has seen and agreed to; `asking` is the one shown now, not yet agreed.
  const [confirmed, setConfirmed] = useState<string[]>([]);
  const [asking, setAsking] = useState<string>();
  const idToken = attempt.evidence.idToken;
  // Offered until keys fetched live have checked it: keys recorded in the file are no proof (a warn).
  const unverified = attempt.checks.some(
    (c) => c.id === 'trace.signature' && (c.status === 'skip' || c.status === 'warn'),
  );
  // The issuer comes from the HAR (a provider's discovery document): it may not even be a URL.
  const origin = originOf(attempt.issuer);
  if (!idToken || !unverified || !origin || origin === 'null') return null;
  const fetchKeys = async (agreed: string[]) => {
    setError(undefined);
    setAsking(undefined);
    if (!(await requestOrigins([`${origin}/*`])))
      return setError({ code: 'permission_refused', message: t('accessRefused', origin) });
    setBusy(true);
    const answer = await fetchedSignature(idToken, attempt.issuer, agreed);
    setBusy(false);
    setConfirmed(agreed);
    if ('confirm' in answer) setAsking(answer.confirm);
    else onCheck(answer.check);
  };
  return (
    <div>
      <p>
        <button type="button" disabled={busy} onClick={() => void fetchKeys(confirmed)}>
          {t('traceFetchKeys', origin)}
        </button>
      </p>
      {asking && (
        <p role="status">
          {t('traceLoopbackAsk')} <code>{asking}</code>{' '}
          <button type="button" disabled={busy} onClick={() => void fetchKeys([...confirmed, asking])}>
            {t('traceFetchFrom', asking)}
          </button>
        </p>
      )}
      {error && <ErrorAlert error={error} />}
    </div>
  );
}

function Attempt({ attempt }: { attempt: LoginAttempt }) {
  const [fetched, setFetched] = useState<Check>();
  const checks = fetched ? [...attempt.checks.filter((c) => c.id !== fetched.id), fetched] : attempt.checks;
  return (
    <section>
      <h2>
        {attempt.grant === undefined ? t('traceLoginOf') : t('traceTokenRequestOf')}{' '}
        <code>{attempt.clientId}</code> {t('traceAt')} <code>{attempt.issuer}</code>
        {attempt.grant !== undefined && (
          <>
            {' '}
            ({t('traceGrant')} <code>{attempt.grant}</code>)
          </>
        )}
      </h2>
      {attempt.succeeded && <p class="status-ok">{spoken(attempt.succeeded.say)}</p>}
      {attempt.diagnosis.map((d, i) => (
        <p key={i} class="status-failed">
          {spoken(d.say)}
        </p>
      ))}
      <ol aria-label={t('traceTimeline', attempt.clientId)}>
        {attempt.events.map((e, i) => (
          <li key={i}>
            {e.at} · {t(`traceKind_${e.kind}`)} · {e.method}{' '}
            <code>
              <Secretish>{e.url}</Secretish>
            </code>{' '}
            · HTTP {e.status}
          </li>
        ))}
      </ol>
      <ChecksSection checks={checks} checkedAt={undefined} />
      <FetchKeys attempt={attempt} onCheck={setFetched} />
      {attempt.tokens.map(({ name, decoded }) =>
        decoded.kind === 'jwt' ? (
          <ClaimsTable key={name} values={decoded.claims} caption={t('tokenClaims', name)} />
        ) : (
          <p key={name}>{t('traceTokenOpaque', name)}</p>
        ),
      )}
    </section>
  );
}

const REMOVED_KINDS = [
  'cookies',
  'headers',
  'passwords',
  'tokens',
  'codes',
  'other',
  'personal',
  'bodies',
] as const;

/** The copy to share, offered only once it was searched again; what was removed, counted (never values). */
function SharedCopy({ shareable, fileName }: { shareable: Shareable; fileName: string }) {
  const { leftover, removed, skipped } = shareable;
  return (
    <>
      {leftover ? (
        <ErrorAlert
          error={{
            code: 'invalid_input',
            message: `copyRefused ${leftover.kind} ${leftover.entry}`,
            say: {
              id: 'copyRefused',
              subs: [{ id: `removed_${leftover.kind}`, subs: [] }, String(leftover.entry)],
            },
          }}
        />
      ) : (
        <>
          <button type="button" onClick={() => download(shareable.redacted, fileName, 'application/json')}>
            {t('downloadRedactedHar')}
          </button>
          <CopyButton text={report(shareable.safeTrace, fileName)} label={t('copyReport')} />
        </>
      )}
      <h2>{t('whatRemoved')}</h2>
      <ul aria-label={t('whatRemoved')}>
        {REMOVED_KINDS.map((kind) => (
          <li key={kind}>
            {t(`removed_${kind}`)}: {removed[kind]}
          </li>
        ))}
      </ul>
      {skipped > 0 && <p class="muted">{count('skippedEntries', skipped)}</p>}
    </>
  );
}

/** A trace as both the page and the DevTools panel show it, with the redacted HAR to download. */
export function TraceView({
  trace,
  shareable,
  fileName,
  options,
  onOptions,
  live = false,
}: {
  trace: Trace;
  /** The redacted HAR, and Markdown built from it (nothing secret in either); prepared after the trace. */
  shareable: Shareable | undefined;
  fileName: string;
  /** How the shared copy is made: other bodies kept, personal data removed. */
  options: CleanOptions;
  /** Absent where the copy is always made the default way (the DevTools panel). */
  onOptions?: (options: CleanOptions) => void;
  /** The DevTools panel's live network log, not a file. */
  live?: boolean;
}) {
  return (
    <PresentationMode.Provider value={usePresentation()}>
      <PresentationToggle />
      <SendFailures />
      <p role="status">
        {trace.attempts.length === 0
          ? t(live ? 'traceNoLoginLive' : 'traceNoLogin', trace.hosts.join(', ') || t('traceNoHosts'))
          : count('traceAttempts', trace.attempts.length)}
      </p>
      {onOptions &&
        (['keepOtherBodies', 'removePersonalData'] as const).map((option) => (
          <p key={option}>
            <label>
              <input
                type="checkbox"
                checked={options[option] === true}
                onChange={(e) => onOptions({ ...options, [option]: e.currentTarget.checked })}
              />{' '}
              {t(option)}
            </label>
          </p>
        ))}
      {shareable ? (
        <SharedCopy shareable={shareable} fileName={fileName} />
      ) : (
        <p class="muted">{t('tracePreparing')}</p>
      )}
      {trace.problems?.map((p, i) => (
        <p key={`p${i}`} class="status-failed">
          {spoken(p.say)}
        </p>
      ))}
      {trace.notes.map((n, i) => (
        <p key={i} class="muted">
          {spoken(n.say)}
        </p>
      ))}
      {trace.attempts.map((a, i) => (
        <Attempt key={i} attempt={a} />
      ))}
    </PresentationMode.Provider>
  );
}
