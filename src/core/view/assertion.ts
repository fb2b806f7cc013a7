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

/** The request object a login's parameters carried (RFC 9101 §5), decoded: its header and claims. */
export const sentRequestObject = (params: [string, string][]): DecodedJwt | undefined =>
  decodedJwt(params.find(([n]) => n === 'request')?.[1]);

/**
 * The authorization parameters a login's request stood for: those inside its request object when it sent
 * one (RFC 9101 §5: the provider uses only those), a claim that is a list as each value; else those sent.
 */
export function requestedParams(params: [string, string][]): [string, string][] {
  const inside = sentRequestObject(params)?.claims;
  if (!inside) return params;
  return Object.entries(inside).flatMap(([name, value]): [string, string][] =>
    (Array.isArray(value) ? value : [value])
      .filter((v): v is string | number | boolean => ['string', 'number', 'boolean'].includes(typeof v))
      .map((v) => [name, String(v)]),
  );
}
