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
  /**
   * The client's key pair for `private_key_jwt` (RFC 7523 §2.2): its public half, `kid` and algorithm.
   * The private half stays on this device, in the worker's key store (`ref`), never in the profile.
   */
  clientKey?: ClientKey;
  /**
   * RFC 9126: push the authorization request's parameters to the provider first, the login window then
   * carrying only `client_id` and `request_uri` (on regardless when discovery requires it).
   */
  usePar?: boolean;
  /**
   * RFC 9101: every authorization parameter in a request object signed with the client key (on regardless
   * when discovery requires it).
   */
  signRequest?: boolean;
  /** RFC 9449: prove possession of a per-run key on every token and resource request (sender-constrained tokens). */
  useDpop?: boolean;
  /** Check the login against the FAPI 2.0 Security Profile: PAR and PKCE S256 on, a FAPI 2.0 check group. */
  fapi2?: boolean;
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
  'private_key_jwt',
  'none',
] as const;
export type ClientAuthMethod = (typeof CLIENT_AUTH_METHODS)[number];

/** Whom a client assertion names as its audience: the issuer identifier, or the endpoint it is sent to. */
export const ASSERTION_AUDIENCES = ['issuer', 'endpoint'] as const;
export type AssertionAudience = (typeof ASSERTION_AUDIENCES)[number];

/** The algorithms a client key is generated or imported for (FAPI 2.0 §5.4.1; EdDSA is not generated: Chrome 116). */
export const KEY_ALGS = ['ES256', 'PS256'] as const;
export type KeyAlg = (typeof KEY_ALGS)[number];

/** A public JWK's members (RFC 7517 §4), all text: `kty`, `crv`, `x`, `y` or `n`, `e`. */
export type PublicJwk = Record<string, string>;

/** A client key as a profile names it: nothing in it is secret. */
export interface ClientKey {
  /** The `kid` its assertions carry: the JWK's own or its RFC 7638 thumbprint, editable. */
  kid: string;
  alg: KeyAlg;
  /** The public key, without `kid`, `alg` or `use` (the JWKS shown adds them). */
  jwk: PublicJwk;
  /** Its private half's handle in this device's key store; absent in a profile file or a copy. */
  ref?: string;
  /** Made here (kept on disk, non-extractable) or imported (a secret like the client secret). */
  source?: 'generated' | 'imported';
}

export interface Endpoints {
  authorization: string;
  token: string;
  jwks: string;
  /** For the inspector's actions after the login; filled from discovery when it publishes them. */
  userinfo?: string;
  revocation?: string;
  introspection?: string;
  /** RFC 9126 §5: where a pushed authorization request goes (`pushed_authorization_request_endpoint`). */
  par?: string;
}
