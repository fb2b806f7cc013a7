import type { Endpoints, Profile } from './profile-types.ts';

/**
 * What providers document, apart from the profile code: BTG Id's issuer, its documented endpoint paths
 * (`../shared/reference/btg-id-authorization-code.txt`) and the request it documents (`prompt=login`,
 * scope `openid`, PKCE). A preset for another provider goes here.
 */
export const BTG_ID_ISSUER = 'https://id.btgpactual.com';

/** The paths BTG Id documents, used when the provider publishes no discovery document. */
export function fallbackEndpoints(issuer: string): Endpoints {
  const base = issuer.replace(/\/+$/, '');
  return { authorization: `${base}/oauth2/authorize`, token: `${base}/oauth2/token`, jwks: '' };
}

export const BTG_ID_PRESET: Omit<Profile, 'clientId' | 'redirectUri'> = {
  issuer: BTG_ID_ISSUER,
  scopes: 'openid',
  usePkce: true,
  prompt: 'login',
  endpoints: fallbackEndpoints(BTG_ID_ISSUER),
};
