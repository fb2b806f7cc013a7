import { SignJWT } from 'jose';
import { randomToken, type RandomBytes } from './random.ts';

/** RFC 7523 §2.2: the `client_assertion_type` of a JWT that authenticates the client. */
export const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** How long an assertion is good for: FAPI 2.0 §5.3.2.1 and oidc-provider want it short-lived. */
export const ASSERTION_LIFETIME_S = 60;

/** The claims of a client assertion (RFC 7523 §3, OIDC Core §9). */
export interface AssertionClaims {
  iss: string;
  sub: string;
  aud: string;
  jti: string;
  iat: number;
  exp: number;
}

/**
 * A fresh assertion's claims: `iss` and `sub` the client ID, `aud` the provider (its issuer identifier,
 * as FAPI 2.0 §5.3.2.1 and oidc-provider require), a new `jti`, issued now, good for a minute.
 */
export function assertionClaims(
  clientId: string,
  audience: string,
  tools: { now: () => number; random: RandomBytes },
): AssertionClaims {
  const iat = Math.floor(tools.now() / 1000);
  return {
    iss: clientId,
    sub: clientId,
    aud: audience,
    jti: randomToken(tools.random, 16),
    iat,
    exp: iat + ASSERTION_LIFETIME_S,
  };
}

/** OIDC Core §9 `client_secret_jwt`: the claims signed with HMAC SHA-256 keyed by the client secret. */
export const signedWithSecret = (claims: AssertionClaims, secret: string): Promise<string> =>
  new SignJWT({ ...claims })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(new TextEncoder().encode(secret));

/** OIDC Core §9 `private_key_jwt`: the claims signed with the client's private key, named by its `kid`. */
export const signedWithKey = (
  claims: AssertionClaims,
  key: { alg: string; kid: string },
  privateKey: CryptoKey,
): Promise<string> =>
  new SignJWT({ ...claims }).setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT' }).sign(privateKey);
