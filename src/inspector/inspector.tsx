import { send } from '../messages.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PresentationMode } from '../ui/presentation.tsx';
import { usePresentation } from '../ui/use-presentation.ts';
import { History } from './history.tsx';
import { RunPage } from './run-page.tsx';
import { useRun } from './use-run.ts';

export function Inspector() {
  const [runId, view] = useRun();
  const presenting = usePresentation();
  return (
    <PresentationMode.Provider value={presenting}>
      <div class="layout">
        <main>
          <h1>Auth Code Inspector</h1>
          <label class="check">
            <input
              type="checkbox"
              checked={presenting}
              onChange={(e) => void send('setPresentation', { on: e.currentTarget.checked })}
            />
            Presentation mode
          </label>
          {!runId && <p>No run selected: pick one from the history, or start one from the toolbar button.</p>}
          {runId && view.state === 'loading' && <p aria-busy="true">Loading…</p>}
          {view.state === 'missing' && (
            <ErrorAlert
              error={{
                code: 'run_missing',
                message: 'This run is no longer stored: it was deleted, or dropped from the history.',
              }}
            />
          )}
          {view.state === 'unreadable' && (
            <ErrorAlert
              error={{
                code: 'run_unreadable',
                message: 'This run was saved by another version and cannot be shown.',
              }}
            />
          )}
          {view.state === 'ready' && <RunPage run={view.run} />}
        </main>
        <History currentId={runId} />
      </div>
    </PresentationMode.Provider>
  );
}
