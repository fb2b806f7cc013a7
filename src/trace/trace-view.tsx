import { ChecksSection } from '../ui/checks-section.tsx';
import { ClaimsTable } from '../ui/claims-table.tsx';
import { CopyButton } from '../ui/copy-button.tsx';
import { download } from '../ui/download.ts';
import type { LoginAttempt, Trace } from './analysis/attempts.ts';
import type { Shareable } from './analysis/worker.ts';

function Attempt({ attempt }: { attempt: LoginAttempt }) {
  return (
    <section>
      <h2>
        Login of <code>{attempt.clientId}</code> at <code>{attempt.issuer}</code>
      </h2>
      {attempt.diagnosis.map((d) => (
        <p key={d} class="status-failed">
          {d}
        </p>
      ))}
      <ol aria-label={`Timeline of ${attempt.clientId}`}>
        {attempt.events.map((e, i) => (
          <li key={i}>
            {e.at} · {e.kind} · {e.method} <code>{e.url}</code> · HTTP {e.status}
          </li>
        ))}
      </ol>
      <ChecksSection checks={attempt.checks} checkedAt={undefined} />
      {attempt.tokens.map(({ name, decoded }) =>
        decoded.kind === 'jwt' ? (
          <ClaimsTable key={name} values={decoded.claims} now={Date.now()} caption={`${name} claims`} />
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
          ? `No OAuth or OpenID Connect login in this HAR. Hosts seen: ${trace.hosts.join(', ') || 'none'}.`
          : `${trace.attempts.length} login attempt${trace.attempts.length === 1 ? '' : 's'} found.`}
      </p>
      {shareable ? (
        <>
          <button type="button" onClick={() => download(shareable.redacted, fileName, 'application/json')}>
            Download redacted HAR
          </button>
          <CopyButton text={shareable.report} what="report" />
        </>
      ) : (
        <p class="muted">Preparing the redacted copy and the report…</p>
      )}
      {trace.notes.map((n) => (
        <p key={n} class="muted">
          {n}
        </p>
      ))}
      {trace.attempts.map((a, i) => (
        <Attempt key={i} attempt={a} />
      ))}
    </>
  );
}
