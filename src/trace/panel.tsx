import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import '../inspector/inspector.css';
import { watchNetworkLog } from '../platform/devtools.ts';
import { browserTraits } from '../platform/traits.ts';
import type { Trace } from './analysis/attempts.ts';
import type { Shareable } from './analysis/worker.ts';
import { analyseLive } from './analyse.ts';
import { TraceView } from './trace-view.tsx';
import { spoken, t } from '../ui/words.ts';

/**
 * The DevTools panel: the inspected tab's logins, live. A login in a popup window the app opens is in
 * that window's log, not this tab's.
 */
function Panel() {
  const [trace, setTrace] = useState<Trace>();
  const [shareable, setShareable] = useState<Shareable>();
  const [error, setError] = useState<string>();
  const live = useRef<ReturnType<typeof analyseLive>>(undefined);
  // One worker keeps the log; each finished request is handed over alone, and the worker analyses
  // again at least a few times a second while they keep coming. **Clear** starts a new one: the log
  // from then on.
  const fresh = () => {
    live.current?.stop();
    setTrace(undefined);
    setShareable(undefined);
    setError(undefined);
    live.current = analyseLive((update) => {
      // The copy offered stays the last one made (of the log so far) until the next is ready.
      if (update.kind === 'trace') setTrace(update.trace);
      else if (update.kind === 'shareable') setShareable(update);
      else setError(spoken(update.say));
    });
  };
  useEffect(() => {
    fresh();
    const unwatch = watchNetworkLog((entries) => live.current?.append(entries));
    return () => {
      unwatch();
      live.current?.stop();
    };
  }, []);
  return (
    <main>
      <h1>{t('extName')}</h1>
      <p class="muted">{t('panelIntro')}</p>
      <p>
        <button type="button" onClick={fresh}>
          {t('panelClear')}
        </button>
      </p>
      {!trace && !error && <p role="status">{t('panelWaiting')}</p>}
      {!trace && browserTraits.networkLogAfterNetworkPanel && <p class="muted">{t('panelNetworkFirst')}</p>}
      {error && <p role="alert">{error}</p>}
      {trace && (
        <TraceView
          trace={trace}
          shareable={shareable}
          fileName="devtools.redacted.har"
          options={{ keepOtherBodies: false }}
          live
        />
      )}
    </main>
  );
}

render(<Panel />, document.getElementById('app')!);
