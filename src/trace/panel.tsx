import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import '../inspector/inspector.css';
import { watchNetworkLog } from '../platform/devtools.ts';
import type { Trace } from './analysis/attempts.ts';
import type { Shareable } from './analysis/worker.ts';
import { analyse } from './analyse.ts';
import { TraceView } from './trace-view.tsx';
import { spoken, t } from '../ui/words.ts';

/** Re-reads the log at most this often while requests keep finishing. */
const SETTLE_MS = 300;

/**
 * The DevTools panel: the inspected tab's logins, live. A login in a popup window the app opens is in
 * that window's log, not this tab's.
 */
function Panel() {
  const [trace, setTrace] = useState<Trace>();
  const [shareable, setShareable] = useState<Shareable>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stop: (() => void) | undefined;
    const unwatch = watchNetworkLog((entries) => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        stop?.();
        setShareable(undefined);
        stop = analyse(JSON.stringify({ log: { version: '1.2', entries } }), (update) => {
          if (update.kind === 'trace') setTrace(update.trace);
          else if (update.kind === 'shareable') setShareable(update);
          else setError(spoken(update.say, update.message));
        });
      }, SETTLE_MS);
    });
    return () => {
      unwatch();
      stop?.();
    };
  }, []);
  return (
    <main>
      <h1>{t('extName')}</h1>
      <p class="muted">{t('panelIntro')}</p>
      {!trace && !error && <p role="status">{t('panelWaiting')}</p>}
      {error && <p role="alert">{error}</p>}
      {trace && (
        <TraceView
          trace={trace}
          shareable={shareable}
          fileName="devtools.redacted.har"
          keepOtherBodies={false}
        />
      )}
    </main>
  );
}

render(<Panel />, document.getElementById('app')!);
