import type { FlowErrorInfo } from '../core/flow-error.ts';
import { PROMPTS, type Prompt } from '../core/view/prompts.ts';
import { CopyButton } from '../ui/copy-button.tsx';
import { TextField } from './text-field.tsx';
import type { Profiles } from './use-profiles.ts';
import { t } from '../ui/words.ts';
import { extensionRedirectUrl, otherRedirectForms, redirectRefused } from '../platform/identity.ts';

const promptLabel = (p: Prompt) => (p === '' ? t('notSent') : p);

/** What only a login needs: where the provider sends the browser back, PKCE, and the prompt. */
export function LoginFields({
  profiles,
  onCopyError,
}: {
  profiles: Profiles;
  onCopyError: (e: FlowErrorInfo | undefined) => void;
}) {
  const { profile, change: set } = profiles;
  // Firefox also accepts a loopback spelling of its redirect URL, and no other redirect URI.
  const others = otherRedirectForms();
  const hint = others.length ? t('redirectUriHintFirefox', ...others) : t('redirectUriHint');
  return (
    <>
      <TextField
        label={t('redirectUri')}
        value={profile.redirectUri}
        onInput={(redirectUri) => set({ redirectUri })}
        hint={hint}
        problem={
          redirectRefused(profile.redirectUri)
            ? t('problemRedirectNotOwn', profile.redirectUri, extensionRedirectUrl())
            : undefined
        }
      >
        <CopyButton text={profile.redirectUri} label={t('copyRedirectUri')} onError={onCopyError} />
      </TextField>
      <div class="pair">
        <label class="check">
          <input
            type="checkbox"
            checked={profile.usePkce}
            onChange={(e) => set({ usePkce: e.currentTarget.checked })}
          />
          {t('usePkce')}
        </label>
        <div class="field">
          <label for="prompt">{t('prompt')}</label>
          <select
            id="prompt"
            value={profile.prompt}
            onChange={(e) => set({ prompt: e.currentTarget.value as Prompt })}
          >
            {PROMPTS.map((p) => (
              <option value={p} key={p}>
                {promptLabel(p)}
              </option>
            ))}
          </select>
        </div>
      </div>
    </>
  );
}
