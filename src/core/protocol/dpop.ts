import { base64url, calculateJwkThumbprint, SignJWT } from 'jose';
import type { KeyAlg, PublicJwk } from '../profile/profile.ts';
import { parsedObject } from './discovery.ts';
import type { Exchange, HttpRequest } from './http.ts';
import { randomToken, type RandomBytes } from './random.ts';

/*
 * DPoP (RFC 9449): a proof of possession of the run's own key pair, signed for each request, so the
 * access token it gets is bound to that key (`cnf.jkt`) and useless to anyone without it.
 */

/** The run's DPoP key as its secret holds it: the private JWK, and the algorithm it signs with. */
export interface DpopKey {
  alg: KeyAlg;
  jwk: PublicJwk;
}

/** §4.2: `htu` is the request's URL without its query and fragment. */
export const htuOf = (url: string): string => {
  const u = new URL(url);
  return `${u.origin}${u.pathname}`;
};

/** §4.2: `ath`, the base64url SHA-256 of the access token the request presents. */
export const athOf = async (accessToken: string): Promise<string> =>
  base64url.encode(
    new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(accessToken))),
  );

/** The access token a request presents under the DPoP scheme (§7.1), if any. */
export const presentedToken = (request: HttpRequest): string | undefined => {
  const value = Object.entries(request.headers).find(([n]) => n.toLowerCase() === 'authorization')?.[1];
  return /^DPoP\s+(\S+)$/i.exec(value ?? '')?.[1];
};

/** The claims of a proof for `request` (§4.2): method, URL, a fresh `jti`, now; `ath` and `nonce` when due. */
export async function proofClaims(
  request: HttpRequest,
  tools: { now: () => number; random: RandomBytes },
  nonce?: string,
): Promise<Record<string, string | number>> {
  const token = presentedToken(request);
  return {
    jti: randomToken(tools.random, 16),
    htm: request.method,
    htu: htuOf(request.url),
    iat: Math.floor(tools.now() / 1000),
    ...(token ? { ath: await athOf(token) } : {}),
    ...(nonce ? { nonce } : {}),
  };
}

/** §4.2: the proof JWT, `typ: dpop+jwt`, the public key in its header, signed with the private one. */
export const signedProof = (
  claims: Record<string, string | number>,
  key: { alg: KeyAlg; publicJwk: PublicJwk },
  privateKey: CryptoKey,
): Promise<string> =>
  new SignJWT(claims)
    .setProtectedHeader({ typ: 'dpop+jwt', alg: key.alg, jwk: key.publicJwk })
    .sign(privateKey);

/** §6.1: the `jkt` a bound token's `cnf` carries, the RFC 7638 thumbprint of the proof key. */
export const dpopJkt = (publicJwk: PublicJwk): Promise<string> => calculateJwkThumbprint(publicJwk);

const headerOf = (exchange: Exchange, name: string) =>
  Object.entries(exchange.response?.headers ?? {}).find(([n]) => n.toLowerCase() === name)?.[1];

/**
 * §8 and §9: the nonce a server asks for in a new proof — an authorization server's 400 `use_dpop_nonce`,
 * a resource server's 401 `WWW-Authenticate: DPoP error="use_dpop_nonce"` — each with `DPoP-Nonce`.
 */
export function nonceAsked(exchange: Exchange): string | undefined {
  const res = exchange.response;
  const nonce = headerOf(exchange, 'dpop-nonce');
  if (!res || !nonce) return undefined;
  if (res.status === 400 && parsedObject(res.body)?.error === 'use_dpop_nonce') return nonce;
  const challenge = headerOf(exchange, 'www-authenticate') ?? '';
  return res.status === 401 && /^\s*DPoP\b[\s\S]*error\s*=\s*"use_dpop_nonce"/i.test(challenge)
    ? nonce
    : undefined;
}

/** §5.1 discovery `dpop_signing_alg_values_supported`: ES256 unless the provider lists only PS256 of ours. */
export const dpopAlg = (supported: unknown): KeyAlg =>
  Array.isArray(supported) && !supported.includes('ES256') && supported.includes('PS256') ? 'PS256' : 'ES256';
