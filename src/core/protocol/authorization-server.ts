import type { Endpoints } from '../profile/profile.ts';

/**
 * A provider's discovery document (OpenID Connect Discovery 1.0 §3, RFC 8414 §2) read once into
 * what the tool uses; a list the provider does not publish is undefined, never an empty guess.
 */
export interface AuthorizationServer {
  issuer: string | undefined;
  /** Each endpoint it publishes; '' where it publishes none. */
  endpoints: Required<Endpoints>;
  scopesSupported: string[] | undefined;
  tokenEndpointAuthMethodsSupported: string[] | undefined;
  /** The algorithms it takes for client assertions (RFC 8414 §2). */
  tokenEndpointAuthSigningAlgValuesSupported: string[] | undefined;
  idTokenSigningAlgValuesSupported: string[] | undefined;
  codeChallengeMethodsSupported: string[] | undefined;
  /** RFC 9207 §3: it sends `iss` in every authorization response. */
  authorizationResponseIssParameterSupported: boolean;
  /** RFC 9126 §5: it accepts authorization requests only pushed. */
  requirePushedAuthorizationRequests: boolean;
  /** RFC 9101 §10.5: it accepts authorization requests only as signed request objects. */
  requireSignedRequestObject: boolean;
  /** The algorithms it takes for request objects (RFC 9101 §10.5, Discovery §3). */
  requestObjectSigningAlgValuesSupported: string[] | undefined;
}

/** Where the document publishes each of the profile's endpoints (Discovery §3). */
export const DISCOVERY_FIELDS: Record<keyof Endpoints, string> = {
  authorization: 'authorization_endpoint',
  token: 'token_endpoint',
  jwks: 'jwks_uri',
  userinfo: 'userinfo_endpoint',
  revocation: 'revocation_endpoint',
  introspection: 'introspection_endpoint',
  par: 'pushed_authorization_request_endpoint',
};

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const strings = (v: unknown): string[] | undefined =>
  Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : undefined;

/** The document's fields, typed; the raw document stays in the discovery step's exchange. */
export function authorizationServer(metadata: Record<string, unknown>): AuthorizationServer {
  const endpoints = Object.fromEntries(
    Object.entries(DISCOVERY_FIELDS).map(([name, field]) => [name, str(metadata[field])]),
  ) as Required<Endpoints>;
  return {
    issuer: typeof metadata.issuer === 'string' ? metadata.issuer : undefined,
    endpoints,
    scopesSupported: strings(metadata.scopes_supported),
    tokenEndpointAuthMethodsSupported: strings(metadata.token_endpoint_auth_methods_supported),
    tokenEndpointAuthSigningAlgValuesSupported: strings(
      metadata.token_endpoint_auth_signing_alg_values_supported,
    ),
    idTokenSigningAlgValuesSupported: strings(metadata.id_token_signing_alg_values_supported),
    codeChallengeMethodsSupported: strings(metadata.code_challenge_methods_supported),
    authorizationResponseIssParameterSupported:
      metadata.authorization_response_iss_parameter_supported === true,
    requirePushedAuthorizationRequests: metadata.require_pushed_authorization_requests === true,
    requireSignedRequestObject: metadata.require_signed_request_object === true,
    requestObjectSigningAlgValuesSupported: strings(metadata.request_object_signing_alg_values_supported),
  };
}
