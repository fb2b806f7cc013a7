import type { FlowErrorInfo } from '../core/flow-error.ts';
import { PROMPTS, type Prompt } from '../core/view/prompts.ts';
import { CopyButton } from '../ui/copy-button.tsx';
import { TextField } from './text-field.tsx';
import type { Profiles } from './use-profiles.ts';

const promptLabel = (p: Prompt) => (p === '' ? '(not sent)' : p);

/** What only a login needs: where the provider sends the browser back, PKCE, and the prompt. */
export function LoginFields({
  profiles,
  onCopyError,
}: {
  profiles: Profiles;
  onCopyError: (e: FlowErrorInfo | undefined) => void;
}) {
  const { profile, change: set } = profiles;
  return (
    <>
      <TextField
        label="Redirect URI"
        value={profile.redirectUri}
        onInput={(redirectUri) => set({ redirectUri })}
        hint="Register this exact URL as a redirect URI of the app at the provider."
      >
        <CopyButton text={profile.redirectUri} what="redirect URI" onError={onCopyError} />
      </TextField>
      <div class="pair">
        <label class="check">
          <input
            type="checkbox"
            checked={profile.usePkce}
            onChange={(e) => set({ usePkce: e.currentTarget.checked })}
          />
          Use PKCE
        </label>
        <div class="field">
          <label for="prompt">Prompt</label>
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
