import type { ClientAuthMethod } from '../core/profile.ts';
import { ParamRowsField } from './param-rows.tsx';
import type { Profiles } from './use-profiles.ts';

const METHODS: [ClientAuthMethod, string][] = [
  ['client_secret_basic', 'client_secret_basic (HTTP Basic)'],
  ['client_secret_post', 'client_secret_post (in the body)'],
  ['none', 'none (a public client, PKCE)'],
];

/** How the client authenticates at the token endpoint (RFC 6749 §2.3), per profile. */
export function RequestOptions({ profiles }: { profiles: Profiles }) {
  const { profile, change } = profiles;
  const method = profile.clientAuth ?? 'client_secret_basic';
  return (
    <details>
      <summary>Request options</summary>
      <div class="field">
        <label for="client-auth">Client authentication</label>
        <select
          id="client-auth"
          value={method}
          onChange={(e) => change({ clientAuth: e.currentTarget.value as ClientAuthMethod })}
        >
          {METHODS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      {method === 'client_secret_basic' && (
        <label class="check">
          <input
            type="checkbox"
            checked={profile.encodeBasic !== false}
            onChange={(e) => change({ encodeBasic: e.currentTarget.checked })}
          />
          Form-urlencode the Basic credential
        </label>
      )}
      <ParamRowsField
        legend="Extra authorization request parameters"
        noun="authorization parameter"
        rows={profile.extraAuthorize ?? []}
        onChange={(extraAuthorize) => change({ extraAuthorize })}
      />
      <ParamRowsField
        legend="Extra token parameters"
        noun="token parameter"
        rows={profile.extraToken ?? []}
        onChange={(extraToken) => change({ extraToken })}
      />
    </details>
  );
}
