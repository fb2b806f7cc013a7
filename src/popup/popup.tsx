import { useEffect, useState } from 'preact/hooks';
import type { Flow } from '../core/profile/profile.ts';
import { FLOW_INFO, FLOW_NAMES, flowInfo, flowOf } from '../core/view/flows.ts';
import { scopeSuggestions } from '../core/view/scopes.ts';
import { providerOrigins } from '../core/view/origins.ts';
import { isOwnRedirect } from '../platform/identity.ts';
import { onSendFailure, send } from '../messages.ts';
import { openExtensionPage } from '../platform/tabs.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { PresentationMode } from '../ui/presentation.tsx';
import { usePresentation } from '../ui/use-presentation.ts';
import { AccessNotice } from './access-notice.tsx';
import { ClientKeyField } from './client-key-field.tsx';
import { EndpointFields } from './endpoint-fields.tsx';
import { LoginFields } from './login-fields.tsx';
import { ProfileBar } from './profile-bar.tsx';
import { RequestOptions } from './request-options.tsx';
import { SecretField } from './secret-field.tsx';
import { TextField } from './text-field.tsx';
import { useNewestAlert } from './use-alert.ts';
import { useAuthorize } from './use-authorize.ts';
import { useDiscovery } from './use-discovery.ts';
import { useProfiles, type PopupState } from './use-profiles.ts';
import { spoken, t, words } from '../ui/words.ts';

export function Popup({ initial }: { initial: PopupState }) {
  const { alert, reporter } = useNewestAlert();
  // A message the worker refused or never answered is the newest alert too.
  useEffect(() => onSendFailure(reporter('worker')), []);
  const profiles = useProfiles(initial, reporter('profiles'));
  const { profile } = profiles;
  const origins = providerOrigins(profile, isOwnRedirect);
  const discovery = useDiscovery(profiles, reporter('discovery'));
  const authorizing = useAuthorize(profile, profiles.secret, origins, reporter('authorize'));
  const [forgotten, setForgotten] = useState(false);
  const set = profiles.change;
  const flow = flowInfo(profile);
  const presenting = usePresentation();

  const forget = async () => {
    await send('forgetSecrets', {});
    profiles.setSecret('');
    setForgotten(true);
  };

  return (
    <PresentationMode.Provider value={presenting}>
      <main>
        <h1>{t('extName')}</h1>
        {/* A stored book this version could not read: kept aside, and said, never silently replaced. */}
        {initial.keptAside && <p role="alert">{spoken(initial.keptAside.say)}</p>}
        <ProfileBar profiles={profiles} onError={reporter('profiles')} />
        <TextField
          label={t('issuer')}
          value={profile.issuer}
          onInput={(issuer) => set({ issuer })}
          onChange={(issuer) => void discovery.discover(issuer)}
        />
        <TextField label={t('clientId')} value={profile.clientId} onInput={(clientId) => set({ clientId })} />
        {profile.clientAuth !== 'private_key_jwt' && profile.clientAuth !== 'none' && (
          <SecretField profiles={profiles} onInput={() => setForgotten(false)} />
        )}
        {/* The key signs client assertions (private_key_jwt) and request objects (RFC 9101). */}
        {(profile.clientAuth === 'private_key_jwt' || profile.signRequest || discovery.requireJar) && (
          <ClientKeyField profiles={profiles} onError={reporter('key')} />
        )}
        <div class="pair">
          <TextField
            label={t('scopes')}
            value={profile.scopes}
            onInput={(scopes) => set({ scopes })}
            list="scope-suggestions"
          />
          <datalist id="scope-suggestions">
            {scopeSuggestions(profile.scopes, discovery.scopes, words).map((o) => (
              <option key={o.value} value={o.value} label={o.label} />
            ))}
          </datalist>
          <div class="field">
            <label for="flow">{t('flow')}</label>
            <select
              id="flow"
              value={flowOf(profile)}
              onChange={(e) => set({ flow: e.currentTarget.value as Flow })}
            >
              {FLOW_NAMES.map((name) => (
                <option key={name} value={name}>
                  {t(FLOW_INFO[name].label)}
                </option>
              ))}
            </select>
          </div>
        </div>
        {flow.login && <LoginFields profiles={profiles} onCopyError={reporter('copy')} />}
        <div class="disclosures">
          <EndpointFields
            profiles={profiles}
            note={discovery.note}
            onRediscover={() => void discovery.discover(profile.issuer)}
          />
          <RequestOptions
            profiles={profiles}
            requirePar={discovery.requirePar}
            requireJar={discovery.requireJar}
          />
        </div>
        {/* Stays at the bottom of the popup while the form above scrolls: the main action is always in view. */}
        <div class="action-bar">
          <AccessNotice origins={[...origins, ...authorizing.pendingOrigins]} report={reporter('access')} />
          {alert && <ErrorAlert error={alert} />}
          <button
            type="button"
            class="primary"
            onClick={() => void authorizing.authorize()}
            disabled={authorizing.busy}
          >
            {t(flow.button)}
          </button>
          {authorizing.progress && (
            <p class="hint" role="status">
              {authorizing.progress}
            </p>
          )}
        </div>
        <div class="footer">
          <button type="button" onClick={() => void openExtensionPage('src/inspector/index.html')}>
            {t('openHistory')}
          </button>
          <button type="button" onClick={() => void openExtensionPage('src/trace/index.html')}>
            {t('openHar')}
          </button>
          <button type="button" onClick={() => void openExtensionPage('src/trace/token.html')}>
            {t('readToken')}
          </button>
          <button type="button" onClick={() => void forget()}>
            {t('forgetSecrets')}
          </button>
        </div>
        {forgotten && (
          <p class="hint" role="status">
            {t('forgotten')}
          </p>
        )}
      </main>
    </PresentationMode.Provider>
  );
}
