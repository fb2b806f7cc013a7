import type { Run } from '../core/run/run.ts';
import { send } from '../messages.ts';
import { openExtensionPage } from '../platform/tabs.ts';
import { durationText, outcomeText } from './run-text.ts';
import { ProfilesFile } from './profiles-file.tsx';
import { useHistory } from './use-history.ts';
import { memo } from '../ui/memo.ts';
import { count, t, words } from '../ui/words.ts';

/**
 * One run of the list. Drawn again only when that run's record or its being current changes: a
 * line's outcome judges every check of its run, and the list holds up to a hundred runs.
 */
const HistoryItem = memo(
  ({ run, current }: { run: Run; current: boolean }) => (
    <li class={current ? 'current' : ''}>
      <a href={`#run=${run.id}`} aria-current={current ? 'page' : undefined}>
        <span class="when">{words.date(run.createdAt)}</span>
        <span>
          {run.profileName ?? t('profile')} · <code>{run.profile.clientId}</code>
        </span>
        <span class="muted">{run.profile.issuer}</span>
        <span class={`outcome-${run.status}`}>{outcomeText(run)}</span>
        {durationText(run) && <span class="muted">{durationText(run)}</span>}
      </a>
    </li>
  ),
  (a, b) => a.run === b.run && a.current === b.current,
);

/** The run list: select one to see it whole. It keeps its own state: the shown run's pushes pass it by. */
export const History = memo(
  ({ currentId }: { currentId: string | undefined }) => {
    const { runs, unreadable } = useHistory();
    return (
      <aside class="history" aria-labelledby="history-heading">
        <h2 id="history-heading">{t('history')}</h2>
        {runs.length === 0 && <p class="muted">{t('noRuns')}</p>}
        {unreadable > 0 && <p class="muted">{count('unreadableRuns', unreadable)}</p>}
        <ol>
          {runs.map((run: Run) => (
            <HistoryItem key={run.id} run={run} current={run.id === currentId} />
          ))}
        </ol>
        {runs.length > 0 && (
          <button type="button" onClick={() => void send('clearHistory', {})}>
            {t('clearHistory')}
          </button>
        )}
        <button type="button" onClick={() => void openExtensionPage('src/trace/index.html')}>
          {t('openHar')}
        </button>
        <button type="button" onClick={() => void openExtensionPage('src/trace/token.html')}>
          {t('readToken')}
        </button>
        <ProfilesFile />
      </aside>
    );
  },
  (a, b) => a.currentId === b.currentId,
);
