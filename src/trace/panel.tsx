import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import '../inspector/inspector.css';
import { watchNetworkLog } from '../platform/devtools.ts';
import type { TraceAnswer } from './analysis/worker.ts';
import { analyse } from './analyse.ts';
import { TraceView } from './trace-view.tsx';

/** Re-reads the log at most this often while requests keep finishing. */
const SETTLE_MS = 300;

/**
 * The DevTools panel: the inspected tab's logins, live. A login in a popup window the app opens is in
 * that window's log, not this tab's.
 */
function Panel() {
  const [answer, setAnswer] = useState<TraceAnswer>();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    return watchNetworkLog((entries) => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        void analyse(JSON.stringify({ log: { version: '1.2', entries } }), 'devtools.har').then(setAnswer);
      }, SETTLE_MS);
    });
  }, []);
  return (
    <main>
      <h1>Auth Code Inspector</h1>
      <p class="muted">
        The inspected tab’s network log, read live. A login in a popup window the app opens is in that
        window’s log: open DevTools there.
      </p>
      {!answer && <p role="status">Waiting for the network log…</p>}
      {answer && !answer.ok && <p role="alert">{answer.message}</p>}
      {answer?.ok && (
        <TraceView
          trace={answer.trace}
          redacted={answer.redacted}
          report={answer.report}
          fileName="devtools.redacted.har"
        />
      )}
    </main>
  );
}

render(<Panel />, document.getElementById('app')!);
