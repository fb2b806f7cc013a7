import type { ClientAuthMethod } from '../core/profile/profile.ts';
import { ParamRowsField } from '../ui/param-rows.tsx';
import type { Profiles } from './use-profiles.ts';
import { t } from '../ui/words.ts';
import type { MessageId } from '../core/view/words.ts';
import { flowInfo } from '../core/view/flows.ts';
import { loadsLoginUrlTwice } from '../platform/identity.ts';

/** Each method's name in the list: a method added to `CLIENT_AUTH_METHODS` without one does not compile. */
const METHODS: Record<ClientAuthMethod, MessageId> = {
  client_secret_basic: 'authBasic',
  client_secret_post: 'authPost',
  client_secret_jwt: 'authSecretJwt',
  private_key_jwt: 'authPrivateKeyJwt',
  none: 'authNone',
};

/** How the client authenticates at the token endpoint (RFC 6749 §2.3), per profile. */
export function RequestOptions({
  profiles,
  requirePar,
  requireJar,
}: {
  profiles: Profiles;
  requirePar: boolean;
  requireJar: boolean;
}) {
  const { profile, change } = profiles;
  const method = profile.clientAuth ?? 'client_secret_basic';
  const login = flowInfo(profile).login;
  const signNoKey = (requireJar || profile.signRequest === true) && !profile.clientKey;
  return (
    <details>
      <summary>{t('requestOptions')}</summary>
      <div class="field">
        <label for="client-auth">{t('clientAuth')}</label>
        <select
          id="client-auth"
          value={method}
          onChange={(e) => change({ clientAuth: e.currentTarget.value as ClientAuthMethod })}
        >
          {Object.entries(METHODS).map(([value, label]) => (
            <option key={value} value={value}>
              {t(label)}
            </option>
          ))}
        </select>
      </div>
      {(method === 'client_secret_jwt' || method === 'private_key_jwt') && (
        <div class="field">
          <label for="assertion-audience">{t('assertionAudience')}</label>
          <select
            id="assertion-audience"
            value={profile.assertionAudience ?? 'issuer'}
            onChange={(e) =>
              change({ assertionAudience: e.currentTarget.value === 'endpoint' ? 'endpoint' : 'issuer' })
            }
          >
            <option value="issuer">{t('audienceIssuer')}</option>
            <option value="endpoint">{t('audienceEndpoint')}</option>
          </select>
        </div>
      )}
      {method === 'client_secret_basic' && (
        <label class="check">
          <input
            type="checkbox"
            checked={profile.encodeBasic !== false}
            onChange={(e) => change({ encodeBasic: e.currentTarget.checked })}
          />
          {t('encodeBasic')}
        </label>
      )}
      {login && (
        <>
          <label class="check">
            <input
              type="checkbox"
              checked={profile.fapi2 === true}
              aria-describedby="fapi2-hint"
              // FAPI 2.0 §5.3.2.2: pushed requests and PKCE S256; Client authentication is left as chosen.
              onChange={(e) =>
                change(
                  e.currentTarget.checked
                    ? { fapi2: true, usePar: true, usePkce: true, useDpop: true }
                    : { fapi2: false },
                )
              }
            />
            {t('fapi2')}
          </label>
          <p class={profile.fapi2 && method !== 'private_key_jwt' ? 'hint warning' : 'hint'} id="fapi2-hint">
            {profile.fapi2 && method !== 'private_key_jwt' ? t('fapi2NotKey', method) : t('fapi2Hint')}
          </p>
          <label class="check">
            <input
              type="checkbox"
              checked={requirePar || profile.fapi2 === true || profile.usePar === true}
              disabled={requirePar || profile.fapi2 === true}
              aria-describedby="use-par-hint"
              onChange={(e) => change({ usePar: e.currentTarget.checked })}
            />
            {t('usePar')}
          </label>
          <p class="hint" id="use-par-hint">
            {t(requirePar ? 'useParRequired' : profile.fapi2 ? 'useParFapi' : 'useParHint')}
          </p>
          {/* Said before the window opens: a single-use request_uri and a browser that requests the URL twice. */}
          {loadsLoginUrlTwice && (requirePar || profile.fapi2 || profile.usePar) && (
            <p class="hint warning" role="status">
              {t('useParFirefox')}
            </p>
          )}
          <label class="check">
            <input
              type="checkbox"
              checked={requireJar || profile.signRequest === true}
              disabled={requireJar}
              aria-describedby="sign-request-hint"
              onChange={(e) => change({ signRequest: e.currentTarget.checked })}
            />
            {t('signRequest')}
          </label>
          <p class={signNoKey ? 'hint warning' : 'hint'} id="sign-request-hint">
            {t(requireJar ? 'signRequestRequired' : signNoKey ? 'signRequestNoKey' : 'signRequestHint')}
          </p>
        </>
      )}
      <label class="check">
        <input
          type="checkbox"
          checked={profile.useDpop === true}
          aria-describedby="use-dpop-hint"
          onChange={(e) => change({ useDpop: e.currentTarget.checked })}
        />
        {t('useDpop')}
      </label>
      <p class={profile.fapi2 && !profile.useDpop ? 'hint warning' : 'hint'} id="use-dpop-hint">
        {t(profile.fapi2 && !profile.useDpop ? 'useDpopFapi' : 'useDpopHint')}
      </p>
      <ParamRowsField
        legend={t('extraAuthorize')}
        rowName={(n) => t('extraAuthorizeRow', n)}
        addLabel={t('extraAuthorizeAdd')}
        rows={profile.extraAuthorize ?? []}
        onChange={(extraAuthorize) => change({ extraAuthorize })}
      />
      <ParamRowsField
        legend={t('extraToken')}
        rowName={(n) => t('extraTokenRow', n)}
        addLabel={t('extraTokenAdd')}
        rows={profile.extraToken ?? []}
        onChange={(extraToken) => change({ extraToken })}
      />
    </details>
  );
}
