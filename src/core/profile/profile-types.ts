import type { Prompt } from './prompts.ts';

/*
 * The profile's shape, in a file that imports no other part of the profile: the readers of a
 * profile (presets, extra parameters, endpoint labels, the flow registry) depend on it, and
 * `profile.ts` (its rules) depends on them, without a circle.
 */

/** What the popup collects for one flow; the client secret travels beside it, never inside. */
export interface Profile {
  issuer: string;
  clientId: string;
  redirectUri: string;
  /** Space-separated, as sent in the `scope` parameter. */
  scopes: string;
  usePkce: boolean;
  /** '' means the parameter is not sent. */
  prompt: Prompt;
  endpoints: Endpoints;
  /** How the client authenticates at the token endpoint (RFC 6749 §2.3); default client_secret_basic. */
  clientAuth?: ClientAuthMethod;
  /** RFC 6749 §2.3.1 form-urlencoding of the Basic credential (default on; some servers want it raw). */
  encodeBasic?: boolean;
  /** A client assertion's `aud` (RFC 7523 §3): the issuer (default; FAPI 2.0) or the token endpoint's URL. */
  assertionAudience?: AssertionAudience;
  /** Default: authorization_code (a login). client_credentials has no login window (RFC 6749 §4.4). */
  flow?: Flow;
  /** More authorize request parameters (`max_age`, `login_hint`, `acr_values`…); a name may repeat. */
  extraAuthorize?: [name: string, value: string][];
  /** More token request parameters (`resource`…). */
  extraToken?: [name: string, value: string][];
}

export const FLOWS = ['authorization_code', 'client_credentials'] as const;
export type Flow = (typeof FLOWS)[number];

/** `token_endpoint_auth_method` values the tool speaks (OIDC Registration §2). */
export const CLIENT_AUTH_METHODS = [
  'client_secret_basic',
  'client_secret_post',
  'client_secret_jwt',
  'none',
] as const;
export type ClientAuthMethod = (typeof CLIENT_AUTH_METHODS)[number];

/** Whom a client assertion names as its audience: the issuer identifier, or the endpoint it is sent to. */
export const ASSERTION_AUDIENCES = ['issuer', 'endpoint'] as const;
export type AssertionAudience = (typeof ASSERTION_AUDIENCES)[number];

export interface Endpoints {
  authorization: string;
  token: string;
  jwks: string;
  /** For the inspector's actions after the login; filled from discovery when it publishes them. */
  userinfo?: string;
  revocation?: string;
  introspection?: string;
}
