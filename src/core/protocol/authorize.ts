import { extraParams } from './extra-params.ts';
import type { Pkce } from './pkce.ts';
import type { Profile } from '../profile/profile.ts';

export interface AuthorizeSecrets {
  state: string;
  nonce?: string;
  pkce?: Pkce;
}

/** The authorization request's parameters, in the order they are sent. */
export type AuthorizeParams = [name: string, value: string][];

/**
 * RFC 6749 §4.1.1 (plus OIDC Core §3.1.2.1 `nonce`/`prompt`, RFC 7636 §4.3 PKCE): the authorization
 * request's parameters, built once from the profile and the run's secrets, whatever delivers them.
 */
export function authorizationParams(profile: Profile, secrets: AuthorizeSecrets): AuthorizeParams {
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
  return [
    ...params.filter((p): p is [string, string] => p[1] !== undefined),
    ...extraParams(profile.extraAuthorize),
  ];
}

/** The URL the login window opens with `params` in its query; the endpoint's own query is kept (§3.1). */
export function queryUrl(endpoint: string, params: AuthorizeParams): string {
  const url = new URL(endpoint);
  for (const [name, value] of params) url.searchParams.append(name, value);
  return url.toString();
}

/** What a delivery made of the parameters: the URL the login window opens, and what that URL carries. */
export interface DeliveredAuthorize {
  url: string;
  /** The parameters the login window's URL actually carries (with PAR: `client_id` and `request_uri`). */
  sent: AuthorizeParams;
}

/**
 * How the parameters reach the provider: in the query (RFC 6749 §4.1.1) today; pushed (RFC 9126) and
 * signed (RFC 9101) are more strategies of this type, the pushed one making its own `par` exchange.
 */
export type AuthorizeDelivery = (endpoint: string, params: AuthorizeParams) => Promise<DeliveredAuthorize>;

export const byQuery: AuthorizeDelivery = (endpoint, params) => {
  const url = queryUrl(endpoint, params);
  return Promise.resolve({ url, sent: [...new URL(url).searchParams] });
};

/** The login window's URL for `profile` delivered in the query (what the tests and the trace compare with). */
export const authorizeUrl = (profile: Profile, secrets: AuthorizeSecrets): string =>
  queryUrl(profile.endpoints.authorization, authorizationParams(profile, secrets));
