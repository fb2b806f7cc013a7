import type { HttpRequest } from '../protocol/http.ts';
import { decodeToken } from '../protocol/jwt.ts';

/**
 * The client assertion a request carried (RFC 7523 §2.2), decoded for the page beside the raw request:
 * its header and claims (the signature is not shown: in history it is gone).
 */
export function sentAssertion(request: HttpRequest): DecodedJwt | undefined {
  return decodedJwt(new URLSearchParams(request.body ?? '').get('client_assertion'));
}

type DecodedJwt = { header: Record<string, unknown>; claims: Record<string, unknown> };

const decodedJwt = (jwt: string | null | undefined): DecodedJwt | undefined => {
  const decoded = jwt ? decodeToken(jwt) : undefined;
  return decoded?.kind === 'jwt' ? { header: decoded.header, claims: decoded.claims } : undefined;
};

/** The DPoP proof a request carried (RFC 9449 §4.2), decoded: its header (with the public key) and claims. */
export const sentDpopProof = (request: HttpRequest): DecodedJwt | undefined =>
  decodedJwt(Object.entries(request.headers).find(([n]) => n.toLowerCase() === 'dpop')?.[1]);
