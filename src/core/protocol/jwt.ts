import { messageOf } from '../flow-error.ts';
import { decodeJwt, decodeProtectedHeader } from 'jose';

export type DecodedToken =
  | { kind: 'jwt'; header: Record<string, unknown>; claims: Record<string, unknown> }
  | { kind: 'jwe'; header: Record<string, unknown> }
  | { kind: 'opaque' }
  | { kind: 'malformed'; error: string };

/** Decodes without verifying (verification is a check of its own). JWS has 3 parts, JWE 5 (RFC 7516 §7.1). */
export function decodeToken(token: string): DecodedToken {
  const parts = token.split('.').length;
  if (parts !== 3 && parts !== 5) return { kind: 'opaque' };
  try {
    const header = decodeProtectedHeader(token) as Record<string, unknown>;
    if (parts === 5) return { kind: 'jwe', header };
    return { kind: 'jwt', header, claims: decodeJwt(token) };
  } catch (e) {
    return { kind: 'malformed', error: messageOf(e) };
  }
}
