import { ErrorAlert } from '../ui/error-alert.tsx';
import { PresentationMode } from '../ui/presentation.tsx';
import { PresentationToggle } from '../ui/presentation-toggle.tsx';
import { usePresentation } from '../ui/use-presentation.ts';
import { History } from './history.tsx';
import { RunPage } from './run-page.tsx';
import { useRun } from './use-run.ts';
import { t } from '../ui/words.ts';

export function Inspector() {
  const [runId, view] = useRun();
  const presenting = usePresentation();
  return (
    <PresentationMode.Provider value={presenting}>
      <div class="layout">
        <main>
          <h1>{t('extName')}</h1>
          <PresentationToggle />
          {!runId && <p>{t('noRunSelected')}</p>}
          {runId && view.state === 'loading' && <p aria-busy="true">{t('loading')}</p>}
          {view.state === 'missing' && (
            <ErrorAlert
              error={{
                code: 'run_missing',
                message: t('runMissing'),
              }}
            />
          )}
          {view.state === 'unreadable' && (
            <ErrorAlert
              error={{
                code: 'run_unreadable',
                message: t('runUnreadable'),
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
