import type { Run } from '../core/run/run.ts';
import { send } from '../messages.ts';
import { openExtensionPage } from '../platform/tabs.ts';
import { durationText, outcomeText } from './run-text.ts';
import { ProfilesFile } from './profiles-file.tsx';
import { useHistory } from './use-history.ts';
import { count, t, words } from '../ui/words.ts';

/** The run list: select one to see it whole. */
export function History({ currentId }: { currentId: string | undefined }) {
  const { runs, unreadable } = useHistory();
  return (
    <aside class="history" aria-labelledby="history-heading">
      <h2 id="history-heading">{t('history')}</h2>
      {runs.length === 0 && <p class="muted">{t('noRuns')}</p>}
      {unreadable > 0 && <p class="muted">{count('unreadableRuns', unreadable)}</p>}
      <ol>
        {runs.map((run: Run) => (
          <li key={run.id} class={run.id === currentId ? 'current' : ''}>
            <a href={`#run=${run.id}`} aria-current={run.id === currentId ? 'page' : undefined}>
              <span class="when">{words.date(run.createdAt)}</span>
              <span>
                {run.profileName ?? t('profile')} · <code>{run.profile.clientId}</code>
              </span>
              <span class="muted">{run.profile.issuer}</span>
              <span class={`outcome-${run.status}`}>{outcomeText(run)}</span>
              {durationText(run) && <span class="muted">{durationText(run)}</span>}
            </a>
          </li>
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
      <ProfilesFile />
    </aside>
  );
}
