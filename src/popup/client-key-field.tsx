import { useState } from 'preact/hooks';
import type { KeyAlg } from '../core/profile/profile.ts';
import { send, type ProfileEdit } from '../messages.ts';
import { CopyButton } from '../ui/copy-button.tsx';
import { FileInput } from '../ui/file-input.tsx';
import { TextField } from './text-field.tsx';
import type { ReportError } from './use-alert.ts';
import type { Profiles } from './use-profiles.ts';
import { t } from '../ui/words.ts';

/**
 * The client's key for `private_key_jwt`: generated in the worker or imported from a file, its public
 * half shown (JWKS, PEM) for registering with the provider, its kid editable. The private half never
 * reaches this page.
 */
export function ClientKeyField({ profiles, onError }: { profiles: Profiles; onError: ReportError }) {
  const { profile, change, edit } = profiles;
  const key = profile.clientKey;
  const [alg, setAlg] = useState<KeyAlg>(key?.alg ?? 'ES256');
  const [busy, setBusy] = useState(false);
  const act = async (e: ProfileEdit) => {
    setBusy(true);
    onError(undefined);
    onError(await edit(e));
    setBusy(false);
  };
  const held = key?.ref !== undefined;
  const jwks =
    key && JSON.stringify({ keys: [{ ...key.jwk, kid: key.kid, alg: key.alg, use: 'sig' }] }, null, 2);
  return (
    <fieldset class="client-key">
      <legend>{t('clientKey')}</legend>
      {!key && <p class="hint">{t('keyNone')}</p>}
      {key && !held && <p role="alert">{t('keyNotHere')}</p>}
      {!held && (
        <>
          <div class="field">
            <label for="key-type">{t('keyType')}</label>
            <select
              id="key-type"
              value={alg}
              onChange={(e) => setAlg(e.currentTarget.value === 'PS256' ? 'PS256' : 'ES256')}
            >
              <option value="ES256">{t('keyTypeES256')}</option>
              <option value="PS256">{t('keyTypePS256')}</option>
            </select>
          </div>
          <div class="row">
            <button
              type="button"
              disabled={busy}
              onClick={() => void act({ action: 'generateKey', id: profile.id, alg })}
            >
              {t('generateKey')}
            </button>
            <FileInput
              label={t('importKey')}
              accept=".pem,.key,.p8,.pk8,.json,.jwk,.txt"
              onFile={(file) =>
                file &&
                void file.text().then((text) => act({ action: 'importKey', id: profile.id, alg, text }))
              }
            />
          </div>
          {busy && (
            <p class="hint" role="status">
              {t('keyGenerating')}
            </p>
          )}
        </>
      )}
      {key && jwks && (
        <>
          {held && (
            <p class={key.source === 'generated' ? 'hint warning' : 'hint'}>
              {t(key.source === 'generated' ? 'keyGeneratedNote' : 'keyImportedNote')}
            </p>
          )}
          <TextField
            label={t('keyId')}
            value={key.kid}
            hint={t('keyIdHint')}
            onInput={(kid) => change((p) => (p.clientKey ? { clientKey: { ...p.clientKey, kid } } : {}))}
          />
          <div class="field">
            <label for="public-jwks">{t('publicJwks')}</label>
            <textarea id="public-jwks" readOnly rows={6} value={jwks} />
          </div>
          <div class="row">
            <CopyButton text={jwks} label={t('copyPublicJwks')} onError={onError} />
            <CopyButton
              text={() => send('publicKeyPem', { jwk: key.jwk, alg: key.alg })}
              label={t('copyPublicPem')}
              onError={onError}
            />
            <button
              type="button"
              disabled={busy}
              onClick={() => void act({ action: 'deleteKey', id: profile.id })}
            >
              {t('deleteKey')}
            </button>
          </div>
        </>
      )}
    </fieldset>
  );
}
