import { useContext, useState } from 'preact/hooks';
import { PresentationMode } from '../ui/presentation.tsx';
import { TextField } from './text-field.tsx';
import type { Profiles } from './use-profiles.ts';
import { t } from '../ui/words.ts';

/** The client secret: shown or hidden, remembered on disk only when ticked, with the warning beside it. */
export function SecretField({ profiles, onInput }: { profiles: Profiles; onInput: () => void }) {
  const [showSecret, setShowSecret] = useState(false);
  // In presentation mode the secret stays masked: the Show secret button does nothing to it.
  const presenting = useContext(PresentationMode);
  const shown = showSecret && !presenting;
  const { profile, secret, setSecret, change } = profiles;
  return (
    <>
      <TextField
        label={t('clientSecret')}
        type={shown ? 'text' : 'password'}
        value={secret}
        onInput={(s) => {
          onInput();
          setSecret(s);
        }}
        autocomplete="off"
      >
        <button
          type="button"
          onClick={() => setShowSecret(!showSecret)}
          aria-pressed={shown}
          disabled={presenting}
        >
          {shown ? t('hideSecret') : t('showSecret')}
        </button>
      </TextField>
      <label class="check">
        <input
          type="checkbox"
          checked={profile.rememberSecret}
          onChange={(e) => change({ rememberSecret: e.currentTarget.checked })}
        />
        {t('rememberSecret')}
      </label>
      <p class={profile.rememberSecret ? 'hint warning' : 'hint'}>{t('rememberSecretWarning')}</p>
    </>
  );
}
