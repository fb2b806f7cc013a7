import { SignJWT } from 'jose';
import type { AuthorizeParams } from './authorize.ts';
import { randomToken, type RandomBytes } from './random.ts';
import { sayHint } from '../i18n/say.ts';

/*
 * Signed request objects (JAR, RFC 9101): every authorization parameter inside a JWT the client signs
 * with its own key, so nothing between the client and the provider can change the request unseen.
 */

/** RFC 9101 §10.8: the media type a request object names in its `typ` header, so it is never taken for another JWT. */
export const REQUEST_OBJECT_TYP = 'oauth-authz-req+jwt';

/** How long a request object is good for: a login starts at once; FAPI 2.0 allows up to 60 minutes (`exp` − `nbf`). */
export const REQUEST_OBJECT_LIFETIME_S = 300;

/**
 * The claims of a request object (RFC 9101 §4): every parameter (a repeated one as a list), `iss` the client
 * ID and `aud` the issuer identifier (§4, FAPI 2.0), a fresh `jti`, `iat` and `nbf` now, `exp` minutes later.
 */
export function requestObjectClaims(
  params: AuthorizeParams,
  client: { clientId: string; issuer: string },
  tools: { now: () => number; random: RandomBytes },
): Record<string, unknown> {
  const claims: Record<string, unknown> = {};
  for (const [name, value] of params) {
    const before = claims[name];
    claims[name] =
      before === undefined
        ? value
        : Array.isArray(before)
          ? [...(before as string[]), value]
          : [before, value];
  }
  const now = Math.floor(tools.now() / 1000);
  return {
    ...claims,
    iss: client.clientId,
    aud: client.issuer,
    jti: randomToken(tools.random, 16),
    iat: now,
    nbf: now,
    exp: now + REQUEST_OBJECT_LIFETIME_S,
  };
}

/** The request object signed with the client's key, named by its `kid`, typed as RFC 9101 asks. */
export const signedRequestObject = (
  claims: Record<string, unknown>,
  key: { alg: string; kid: string },
  privateKey: CryptoKey,
): Promise<string> =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: REQUEST_OBJECT_TYP })
    .sign(privateKey);

/**
 * What travels beside the request object (RFC 9101 §5, OIDC Core §6.1): `client_id`, and the
 * `response_type` and `scope` an OpenID provider requires outside, equal to those inside; then `request`.
 */
export function beside(params: AuthorizeParams, requestObject: string): AuthorizeParams {
  const outside = params.filter(([n]) => n === 'client_id' || n === 'response_type' || n === 'scope');
  return [...outside, ['request', requestObject]];
}

/**
 * Whether a login signs its request: the profile asks for it, or the provider requires it of every client
 * (RFC 9101 §10.5 `require_signed_request_object`).
 */
export const usesJar = (
  profile: { signRequest?: boolean },
  server: { requireSignedRequestObject: boolean } | undefined,
): boolean => profile.signRequest === true || server?.requireSignedRequestObject === true;

/**
 * RFC 9101 §10.5: a provider may require request objects of one client, which discovery does not show; it
 * says so in its refusal (oidc-provider: "Request Object must be used by this client").
 */
export const jarRequired = (error: string, description: string | undefined): boolean =>
  error === 'invalid_request' && /request object must be used/i.test(description ?? '');

/**
 * What to do about a refusal of the request's delivery, at the pushed endpoint or in the authorization
 * response: a request object refused (RFC 9101 §6.3 `invalid_request_object`), or one required and missing.
 */
export function requestObjectHint(error: string, description: string | undefined) {
  if (error === 'invalid_request_object') return sayHint('hintRequestObjectRefused');
  return jarRequired(error, description) ? sayHint('hintJarRequired') : undefined;
}
