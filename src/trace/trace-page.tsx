import { useState } from 'preact/hooks';
import type { FlowErrorInfo } from '../core/flow-error.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { FileInput } from '../ui/file-input.tsx';
import type { Trace } from './analysis/attempts.ts';
import { analyse } from './analyse.ts';
import { TraceView } from './trace-view.tsx';

/** The trace page: a HAR file's OAuth/OIDC logins, found, grouped and checked. */
export function TracePage() {
  const [trace, setTrace] = useState<Trace>();
  const [redacted, setRedacted] = useState<{ text: string; report: string; name: string }>();
  const [error, setError] = useState<FlowErrorInfo>();
  const [busy, setBusy] = useState(false);
  const open = async (file: File | undefined) => {
    if (!file) return;
    setError(undefined);
    setTrace(undefined);
    setRedacted(undefined);
    setBusy(true);
    const answer = await analyse(await file.text(), file.name);
    setBusy(false);
    if (answer.ok) {
      setTrace(answer.trace);
      setRedacted({
        text: answer.redacted,
        report: answer.report,
        name: file.name.replace(/(\.har)?$/, '.redacted.har'),
      });
    } else setError({ code: 'invalid_input', message: `${file.name}: ${answer.message}` });
  };
  return (
    // A HAR dropped anywhere on the page is read like one chosen in the file input.
    <main
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        void open(e.dataTransfer?.files[0]);
      }}
    >
      <h1>Trace</h1>
      <p>
        Open a HAR file saved from the browser’s DevTools (“Save all as HAR”), or drop it here. Nothing from
        it is stored.
      </p>
      <FileInput label="HAR file" accept=".har,application/json" onFile={(f) => void open(f)} />
      {busy && <p role="status">Reading the HAR…</p>}
      {error && <ErrorAlert error={error} />}
      {trace && redacted && (
        <TraceView trace={trace} redacted={redacted.text} report={redacted.report} fileName={redacted.name} />
      )}
    </main>
  );
}
