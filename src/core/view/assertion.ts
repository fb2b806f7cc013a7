import type { HttpRequest } from '../protocol/http.ts';
import { decodeToken } from '../protocol/jwt.ts';

/**
 * The client assertion a request carried (RFC 7523 §2.2), decoded for the page beside the raw request:
 * its header and claims (the signature is not shown: in history it is gone).
 */
export function sentAssertion(
  request: HttpRequest,
): { header: Record<string, unknown>; claims: Record<string, unknown> } | undefined {
  const assertion = new URLSearchParams(request.body ?? '').get('client_assertion');
  const decoded = assertion ? decodeToken(assertion) : undefined;
  return decoded?.kind === 'jwt' ? { header: decoded.header, claims: decoded.claims } : undefined;
}
