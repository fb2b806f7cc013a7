import { messageOf } from '../core/view/words.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import type { ComponentChildren } from 'preact';
import { useErrorBoundary } from 'preact/hooks';
import type { Run } from '../core/run/run.ts';
import { PresentationMode, Secretish } from '../ui/presentation.tsx';
import { PresentationToggle } from '../ui/presentation-toggle.tsx';
import { SendFailures } from '../ui/send-failures.tsx';
import { usePresentation } from '../ui/use-presentation.ts';
import { History } from './history.tsx';
import { RunPage } from './run-page.tsx';
import { useRun } from './use-run.ts';
import { memo } from '../ui/memo.ts';
import { t } from '../ui/words.ts';

/**
 * A run this version reads wrongly (a newer record, say) never blanks the page: what failed is said
 * in an alert, with the raw record below it.
 */
function Guarded({ run, children }: { run: Run; children: ComponentChildren }) {
  const [error] = useErrorBoundary() as [unknown, () => void];
  if (!error) return <>{children}</>;
  const why = messageOf(error);
  return (
    <>
      <ErrorAlert error={{ code: 'run_unreadable', message: t('runNotShown', why) }} />
      <pre>
        <Secretish>{JSON.stringify(run, null, 2)}</Secretish>
      </pre>
    </>
  );
}

/** Drawn again only for another run record: a storage event that changes nothing passes it by. */
const ShownRun = memo(RunPage, (a, b) => a.run === b.run);

export function Inspector() {
  const [runId, view] = useRun();
  const presenting = usePresentation();
  return (
    <PresentationMode.Provider value={presenting}>
      <div class="layout">
        <main>
          <h1>{t('extName')}</h1>
          <PresentationToggle />
          <SendFailures />
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
          {view.state === 'ready' && (
            <Guarded run={view.run}>
              <ShownRun run={view.run} />
            </Guarded>
          )}
        </main>
        <History currentId={runId} />
      </div>
    </PresentationMode.Provider>
  );
}
