import { useState } from 'preact/hooks';
import type { FlowErrorInfo } from '../core/flow-error.ts';
import { ChecksSection } from '../ui/checks-section.tsx';
import { ClaimsTable } from '../ui/claims-table.tsx';
import { download } from '../ui/download.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { FileInput } from '../ui/file-input.tsx';
import type { LoginAttempt, Trace } from './analysis/attempts.ts';
import type { TraceAnswer } from './analysis/worker.ts';

/** Reads a HAR in the analysis worker; nothing is stored, closing the page forgets it. */
function analyse(text: string): Promise<TraceAnswer> {
  const worker = new Worker(new URL('./analysis/worker.ts', import.meta.url), { type: 'module' });
  return new Promise((resolve) => {
    worker.onmessage = (e: MessageEvent<TraceAnswer>) => {
      resolve(e.data);
      worker.terminate();
    };
    worker.onerror = (e) => {
      resolve({ ok: false, message: `The HAR could not be read: ${e.message}` });
      worker.terminate();
    };
    worker.postMessage(text);
  });
}

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

/** The trace page: a HAR file's OAuth/OIDC logins, found, grouped and checked. */
export function TracePage() {
  const [trace, setTrace] = useState<Trace>();
  const [redacted, setRedacted] = useState<{ text: string; name: string }>();
  const [error, setError] = useState<FlowErrorInfo>();
  const [busy, setBusy] = useState(false);
  const open = async (file: File | undefined) => {
    if (!file) return;
    setError(undefined);
    setTrace(undefined);
    setRedacted(undefined);
    setBusy(true);
    const answer = await analyse(await file.text());
    setBusy(false);
    if (answer.ok) {
      setTrace(answer.trace);
      setRedacted({ text: answer.redacted, name: file.name.replace(/(\.har)?$/, '.redacted.har') });
    } else setError({ code: 'invalid_input', message: `${file.name}: ${answer.message}` });
  };
  return (
    <main>
      <h1>Trace</h1>
      <p>Open a HAR file saved from the browser’s DevTools (“Save all as HAR”). Nothing from it is stored.</p>
      <FileInput label="HAR file" accept=".har,application/json" onFile={(f) => void open(f)} />
      {busy && <p role="status">Reading the HAR…</p>}
      {error && <ErrorAlert error={error} />}
      {trace && (
        <>
          <p role="status">
            {trace.attempts.length === 0
              ? `No OAuth or OpenID Connect login in this HAR. Hosts seen: ${trace.hosts.join(', ') || 'none'}.`
              : `${trace.attempts.length} login attempt${trace.attempts.length === 1 ? '' : 's'} found.`}
          </p>
          {redacted && (
            <button type="button" onClick={() => download(redacted.text, redacted.name, 'application/json')}>
              Download redacted HAR
            </button>
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
      )}
    </main>
  );
}
