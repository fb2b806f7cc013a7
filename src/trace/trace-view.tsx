import { ChecksSection } from '../ui/checks-section.tsx';
import { ClaimsTable } from '../ui/claims-table.tsx';
import { CopyButton } from '../ui/copy-button.tsx';
import { download } from '../ui/download.ts';
import type { LoginAttempt, Trace } from './analysis/attempts.ts';
import type { Shareable } from './analysis/worker.ts';
import { traceMarkdown } from './analysis/trace-report.ts';
import { count, spoken, t, words } from '../ui/words.ts';

/** The report of the redacted copy's analysis, in the reader's language. */
const report = (safe: Trace, fileName: string) => traceMarkdown(safe, fileName, words);

function Attempt({ attempt }: { attempt: LoginAttempt }) {
  return (
    <section>
      <h2>
        {t('traceLoginOf')} <code>{attempt.clientId}</code> {t('traceAt')} <code>{attempt.issuer}</code>
      </h2>
      {attempt.diagnosis.map((d) => (
        <p key={d.message} class="status-failed">
          {spoken(d.say, d.message)}
        </p>
      ))}
      <ol aria-label={t('traceTimeline', attempt.clientId)}>
        {attempt.events.map((e, i) => (
          <li key={i}>
            {e.at} · {e.kind} · {e.method} <code>{e.url}</code> · HTTP {e.status}
          </li>
        ))}
      </ol>
      <ChecksSection checks={attempt.checks} checkedAt={undefined} />
      {attempt.tokens.map(({ name, decoded }) =>
        decoded.kind === 'jwt' ? (
          <ClaimsTable key={name} values={decoded.claims} now={Date.now()} caption={t('tokenClaims', name)} />
        ) : (
          <p key={name}>
            {name}: {decoded.kind}
          </p>
        ),
      )}
    </section>
  );
}

/** A trace as both the page and the DevTools panel show it, with the redacted HAR to download. */
export function TraceView({
  trace,
  shareable,
  fileName,
}: {
  trace: Trace;
  /** The redacted HAR, and Markdown built from it (nothing secret in either); prepared after the trace. */
  shareable: Shareable | undefined;
  fileName: string;
}) {
  return (
    <>
      <p role="status">
        {trace.attempts.length === 0
          ? t('traceNoLogin', trace.hosts.join(', ') || t('traceNoHosts'))
          : count('traceAttempts', trace.attempts.length)}
      </p>
      {shareable ? (
        <>
          <button type="button" onClick={() => download(shareable.redacted, fileName, 'application/json')}>
            {t('downloadRedactedHar')}
          </button>
          <CopyButton text={report(shareable.safeTrace, fileName)} label={t('copyReport')} />
        </>
      ) : (
        <p class="muted">{t('tracePreparing')}</p>
      )}
      {trace.notes.map((n) => (
        <p key={n.message} class="muted">
          {spoken(n.say, n.message)}
        </p>
      ))}
      {trace.attempts.map((a, i) => (
        <Attempt key={i} attempt={a} />
      ))}
    </>
  );
}
