import { decodeToken } from '../protocol/jwt.ts';
import type { TokensStep } from './steps.ts';

type Which = 'access_token' | 'id_token' | 'refresh_token';

/** Seconds-from-receipt fields providers use for a refresh token's lifetime (none is standard). */
const REFRESH_LIFETIME_FIELDS = ['refresh_expires_in', 'refresh_token_expires_in'];

/**
 * When a current token expires, in epoch milliseconds, if that is known: a JWT's `exp`, else the
 * response's `expires_in` (RFC 6749 §5.1) counted from when the response arrived (the step's time).
 */
export function expiresAt(step: TokensStep | undefined, which: Which): number | undefined {
  const raw = step?.fields?.[which];
  if (!step || typeof raw !== 'string') return undefined;
  const decoded = decodeToken(raw);
  if (decoded.kind === 'jwt' && typeof decoded.claims.exp === 'number') return decoded.claims.exp * 1000;
  const lifetime =
    which === 'access_token'
      ? step.fields?.expires_in
      : which === 'refresh_token'
        ? REFRESH_LIFETIME_FIELDS.map((f) => step.fields?.[f]).find((v) => typeof v === 'number')
        : undefined;
  return typeof lifetime === 'number' ? step.at + lifetime * 1000 : undefined;
}
