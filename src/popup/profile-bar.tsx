import { useState } from 'preact/hooks';
import type { FlowErrorInfo } from '../core/flow-error.ts';
import { TextField } from './text-field.tsx';
import type { Profiles } from './use-profiles.ts';
import { t } from '../ui/words.ts';

type Mode = 'idle' | 'rename' | 'delete';

/** The Profile selector and its actions; rename and delete ask in place, never in a dialog. */
export function ProfileBar({
  profiles,
  onError,
}: {
  profiles: Profiles;
  onError: (e?: FlowErrorInfo) => void;
}) {
  const { book, profile, edit } = profiles;
  const [mode, setMode] = useState<Mode>('idle');
  const [name, setName] = useState('');
  const run = async (e: Parameters<typeof edit>[0]) => {
    onError(undefined);
    const error = await edit(e);
    if (error) onError(error);
    else setMode('idle');
  };
  return (
    <div class="profile-bar">
      <div class="field">
        <label for="profile">{t('profile')}</label>
        <select
          id="profile"
          value={profile.id}
          onChange={(e) => void run({ action: 'select', id: e.currentTarget.value })}
        >
          {book.profiles.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <details class="profile-actions">
        <summary>{t('profileActions')}</summary>
        <div class="actions">
          <button type="button" onClick={() => void run({ action: 'new', id: profile.id })}>
            {t('profileNew')}
          </button>
          <button type="button" onClick={() => void run({ action: 'duplicate', id: profile.id })}>
            {t('profileDuplicate')}
          </button>
          <button
            type="button"
            onClick={() => {
              setName(profile.name);
              setMode('rename');
            }}
          >
            {t('profileRename')}
          </button>
          <button type="button" onClick={() => setMode('delete')} disabled={book.profiles.length <= 1}>
            {t('profileDelete')}
          </button>
        </div>
        {mode === 'rename' && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void run({ action: 'rename', id: profile.id, name });
            }}
          >
            <TextField label={t('profileNewName')} value={name} onInput={setName} />
            <div class="actions">
              <button type="submit">{t('profileSaveName')}</button>
              <button type="button" onClick={() => setMode('idle')}>
                {t('cancel')}
              </button>
            </div>
          </form>
        )}
        {mode === 'delete' && (
          <p class="hint">
            {t('profileDeleteAsk', profile.name)}{' '}
            <button type="button" onClick={() => void run({ action: 'delete', id: profile.id })}>
              {t('profileConfirmDelete')}
            </button>{' '}
            <button type="button" onClick={() => setMode('idle')}>
              {t('cancel')}
            </button>
          </p>
        )}
      </details>
    </div>
  );
}
