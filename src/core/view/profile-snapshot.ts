import type { Profile } from '../profile/profile.ts';
import type { StoredProfile } from '../profile/profile-book.ts';

/** The fields of a Profile only, as a run records them: no id, no name, no device setting. */
export function profileSnapshot(p: Profile | StoredProfile): Profile {
  const { issuer, clientId, redirectUri, scopes, usePkce, prompt, endpoints } = p;
  const { clientAuth, encodeBasic, flow, extraAuthorize, extraToken } = p;
  return {
    issuer,
    clientId,
    redirectUri,
    scopes,
    usePkce,
    prompt,
    endpoints: { ...endpoints },
    ...(clientAuth ? { clientAuth } : {}),
    ...(encodeBasic === false ? { encodeBasic } : {}),
    ...(flow === 'client_credentials' ? { flow } : {}),
    ...(extraAuthorize?.length
      ? { extraAuthorize: extraAuthorize.map(([n, v]) => [n, v] as [string, string]) }
      : {}),
    ...(extraToken?.length ? { extraToken: extraToken.map(([n, v]) => [n, v] as [string, string]) } : {}),
  };
}
