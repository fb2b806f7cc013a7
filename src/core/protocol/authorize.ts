import { extraParams } from './extra-params.ts';
import type { Pkce } from './pkce.ts';
import type { Profile } from '../profile/profile.ts';

export interface AuthorizeSecrets {
  state: string;
  nonce?: string;
  pkce?: Pkce;
}

/**
 * RFC 6749 §4.1.1 (plus OIDC Core §3.1.2.1 `nonce`/`prompt`, RFC 7636 §4.3 PKCE): the URL the login
 * window opens. Parameters already in the endpoint's query are kept, as §3.1 requires.
 */
export function authorizeUrl(profile: Profile, secrets: AuthorizeSecrets): string {
  const url = new URL(profile.endpoints.authorization);
  const params: [string, string | undefined][] = [
    ['client_id', profile.clientId],
    ['response_type', 'code'],
    ['redirect_uri', profile.redirectUri],
    ['scope', profile.scopes.trim().replace(/\s+/g, ' ')],
    ['state', secrets.state],
    ['nonce', secrets.nonce],
    ['code_challenge', secrets.pkce?.challenge],
    ['code_challenge_method', secrets.pkce?.method],
    ['prompt', profile.prompt || undefined],
  ];
  for (const [name, value] of params) if (value !== undefined) url.searchParams.append(name, value);
  for (const [name, value] of extraParams(profile.extraAuthorize)) url.searchParams.append(name, value);
  return url.toString();
}
