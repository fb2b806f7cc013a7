import { useState } from 'preact/hooks';
import type { FlowErrorInfo } from '../core/flow-error.ts';
import { PROMPTS, type Endpoints, type Prompt } from '../core/profile.ts';
import type { StoredProfile } from '../core/profiles.ts';
import { providerOrigins, send } from '../messages.ts';
import { originNames, requestOrigins } from '../platform/permissions.ts';
import { openExtensionPage } from '../platform/tabs.ts';
import { CopyButton } from '../ui/copy-button.tsx';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { TextField } from './text-field.tsx';
import { useMissingAccess } from './use-access.ts';
import { ProfileBar } from './profile-bar.tsx';
import { useProfiles, type PopupState } from './use-profiles.ts';
import { useRunError } from './use-run-error.ts';

const promptLabel = (p: Prompt) => (p === '' ? '(not sent)' : p);

export function Popup({ initial }: { initial: PopupState }) {
  const [error, setError] = useState<FlowErrorInfo | string>();
  const profiles = useProfiles(initial, setError);
  const [showSecret, setShowSecret] = useState(false);
  const [forgotten, setForgotten] = useState(false);
  const [note, setNote] = useState('');
  const [progress, setProgress] = useState('');
  const [busy, setBusy] = useState(false);
  const [runId, setRunId] = useState<string>();
  const runError = useRunError(runId);
  const { profile, secret, setSecret } = profiles;
  const origins = providerOrigins(profile);
  const [missingAccess, recheckAccess] = useMissingAccess(origins);
  const missingNames = originNames(missingAccess);
  const setProfile = (patch: Partial<StoredProfile>) => profiles.change(patch);
  const setEndpoint = (patch: Partial<Endpoints>) =>
    profiles.change((p) => ({ endpoints: { ...p.endpoints, ...patch } }));

  const discover = async (issuer: string) => {
    setError(undefined);
    setNote(`Reading ${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration…`);
    const answer = await send('discover', { issuer });
    if (!answer.ok) {
      setNote('');
      return setError(answer.error);
    }
    setNote(answer.value.note);
    // Only if the Issuer is still the one asked about: the user may have typed on meanwhile.
    profiles.change((p) => (p.issuer === issuer ? { endpoints: answer.value.endpoints } : {}));
  };

  const allowAccess = async () => {
    setError(undefined);
    if (!(await requestOrigins(missingAccess))) setError(`Access to ${missingNames} was refused.`);
    recheckAccess();
  };

  const forget = async () => {
    await send('forgetSecrets', {});
    setSecret('');
    setForgotten(true);
  };

  const openInspector = () => openExtensionPage('src/inspector/index.html');

  const start = async (): Promise<string | FlowErrorInfo> => {
    // Only a click may ask for host access, so it is asked here, before the worker needs it.
    if (origins.length && !(await requestOrigins(origins))) {
      return `Access to ${originNames(origins)} was refused, so the flow cannot contact the provider.`;
    }
    const { id: _id, name, rememberSecret: _remember, ...snapshot } = profile;
    const answer = await send('startRun', { profile: snapshot, profileName: name, clientSecret: secret });
    if (!answer.ok) return answer.error;
    setRunId(answer.value.runId);
    return 'started';
  };

  const authorize = async () => {
    setError(undefined);
    setRunId(undefined);
    setProgress('Starting: reading the discovery document, then opening the login window…');
    setBusy(true);
    const outcome = await start().catch((e: Error) => `Could not start: ${e.message}`);
    setBusy(false);
    setProgress(
      outcome === 'started'
        ? 'The login window is open; the inspector tab shows each step as it completes.'
        : '',
    );
    if (outcome !== 'started') setError(outcome);
  };

  return (
    <main>
      <h1>Auth Code Inspector</h1>
      <ProfileBar profiles={profiles} onError={setError} />
      <TextField
        label="Issuer"
        value={profile.issuer}
        onInput={(issuer) => setProfile({ issuer })}
        onChange={(issuer) => void discover(issuer)}
      />
      <TextField
        label="Client ID"
        value={profile.clientId}
        onInput={(clientId) => setProfile({ clientId })}
      />
      <TextField
        label="Client secret"
        type={showSecret ? 'text' : 'password'}
        value={secret}
        onInput={(s) => {
          setForgotten(false);
          setSecret(s);
        }}
        autocomplete="off"
      >
        <button type="button" onClick={() => setShowSecret(!showSecret)} aria-pressed={showSecret}>
          {showSecret ? 'Hide secret' : 'Show secret'}
        </button>
      </TextField>
      <label class="check">
        <input
          type="checkbox"
          checked={profile.rememberSecret}
          onChange={(e) => setProfile({ rememberSecret: e.currentTarget.checked })}
        />
        Remember secret on this device
      </label>
      <p class={profile.rememberSecret ? 'hint warning' : 'hint'}>
        When ticked, this profile's secret is stored unencrypted on this computer's disk.
      </p>
      <TextField
        label="Redirect URI"
        value={profile.redirectUri}
        onInput={(redirectUri) => setProfile({ redirectUri })}
        hint="This exact URL must be registered as a redirect URI for the app at the provider."
      >
        <CopyButton text={profile.redirectUri} what="redirect URI" />
      </TextField>
      <TextField label="Scopes" value={profile.scopes} onInput={(scopes) => setProfile({ scopes })} />
      <label class="check">
        <input
          type="checkbox"
          checked={profile.usePkce}
          onChange={(e) => setProfile({ usePkce: e.currentTarget.checked })}
        />
        Use PKCE
      </label>
      <div class="field">
        <label for="prompt">Prompt</label>
        <select
          id="prompt"
          value={profile.prompt}
          onChange={(e) => setProfile({ prompt: e.currentTarget.value as Prompt })}
        >
          {PROMPTS.map((p) => (
            <option value={p} key={p}>
              {promptLabel(p)}
            </option>
          ))}
        </select>
      </div>
      <details>
        <summary>Endpoints</summary>
        {note && <p class="hint">{note}</p>}
        <button type="button" onClick={() => void discover(profile.issuer)}>
          Read discovery document again
        </button>
        <TextField
          label="Authorization endpoint"
          value={profile.endpoints.authorization}
          onInput={(authorization) => setEndpoint({ authorization })}
        />
        <TextField
          label="Token endpoint"
          value={profile.endpoints.token}
          onInput={(token) => setEndpoint({ token })}
        />
        <TextField
          label="JWKS URI"
          value={profile.endpoints.jwks}
          onInput={(jwks) => setEndpoint({ jwks })}
        />
      </details>
      {missingAccess.length > 0 && (
        <p class="hint">
          The browser will ask to let the extension contact {missingNames}.{' '}
          <button type="button" onClick={() => void allowAccess()}>
            Allow access to {missingNames}
          </button>
        </p>
      )}
      {(error ?? runError) && <ErrorAlert error={(error ?? runError)!} />}
      <button type="button" class="primary" onClick={() => void authorize()} disabled={busy}>
        Authorize
      </button>
      {progress && !runError && (
        <p class="hint" role="status">
          {progress}
        </p>
      )}
      <div class="footer">
        <button type="button" onClick={() => void openInspector()}>
          Open history
        </button>
        <button type="button" onClick={() => void forget()}>
          Forget secrets and tokens
        </button>
      </div>
      {forgotten && (
        <p class="hint" role="status">
          Every client secret and the tokens of finished runs are forgotten.
        </p>
      )}
    </main>
  );
}
