import {
  decodeJwt,
  decodeProtectedHeader,
  exportJWK,
  generateKeyPair,
  importJWK,
  SignJWT,
  type JWK,
  type JWTPayload,
} from 'jose';
import type { KoaContextWithOIDC } from 'oidc-provider';
import type { Tamper } from '../../dev/provider.ts';

/**
 * Response rewrites that make oidc-provider misbehave the way the OpenID Foundation's relying-party
 * tests do. Each works on what the provider really issued, re-signed where the test needs it.
 */
type Body = Record<string, unknown>;

export interface Resign {
  claims?: (claims: JWTPayload) => JWTPayload;
  header?: (header: Record<string, unknown>) => Record<string, unknown>;
}

/** Rewrites the id_token in the token response: new claims and header, signed with `key` (or HS secret). */
export function rewriteIdToken(rewrite: (token: string) => Promise<string>): Tamper {
  return async (ctx: KoaContextWithOIDC) => {
    if (ctx.oidc?.route !== 'token') return;
    const body = ctx.body as Body;
    if (typeof body?.id_token === 'string') ctx.body = { ...body, id_token: await rewrite(body.id_token) };
  };
}

export function resignWith(key: JWK | Uint8Array, change: Resign = {}) {
  return async (token: string): Promise<string> => {
    const header = (change.header ?? ((h) => h))(decodeProtectedHeader(token));
    const claims = (change.claims ?? ((c) => c))(decodeJwt(token));
    const alg = String(header.alg);
    const signingKey = key instanceof Uint8Array ? key : await importJWK(key, alg);
    return new SignJWT(claims).setProtectedHeader(header as { alg: string }).sign(signingKey);
  };
}

/** Keeps header and payload, changes the signature's first character: a valid-looking forgery. */
export const badSignature = (token: string): Promise<string> => {
  const [header, payload, signature = ''] = token.split('.');
  const flipped = signature.startsWith('A') ? `B${signature.slice(1)}` : `A${signature.slice(1)}`;
  return Promise.resolve(`${header}.${payload}.${flipped}`);
};

/** Rewrites the redirect back to the client (the callback), e.g. to drop or change `iss`. */
export function rewriteCallback(change: (params: URLSearchParams) => void): Tamper {
  return (ctx) => {
    const location = String(ctx.response.get('location') || '');
    if (!location.includes('code=')) return;
    const url = new URL(location);
    change(url.searchParams);
    ctx.redirect(url.toString());
  };
}

export function rewriteJwks(change: (keys: JWK[], requestNumber: number) => JWK[]): Tamper {
  let requests = 0;
  return (ctx) => {
    if (ctx.oidc?.route !== 'jwks') return;
    const body = ctx.body as { keys: JWK[] };
    ctx.body = { keys: change(body.keys, ++requests) };
  };
}

export function rewriteDiscovery(change: (doc: Body) => Body): Tamper {
  return (ctx) => {
    if (ctx.oidc?.route === 'discovery') ctx.body = change(ctx.body as Body);
  };
}

export const all =
  (...tampers: Tamper[]): Tamper =>
  async (ctx) => {
    for (const t of tampers) await t(ctx);
  };

/** A fresh RS256 key pair as JWKs (private, public), for rotation and multiple-key rows. */
export async function freshRsaKey(kid: string): Promise<{ privateJwk: JWK; publicJwk: JWK }> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const meta = { kid, alg: 'RS256', use: 'sig' };
  return {
    privateJwk: { ...(await exportJWK(privateKey)), ...meta },
    publicJwk: { ...(await exportJWK(publicKey)), ...meta },
  };
}
