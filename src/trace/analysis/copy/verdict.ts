import { isPublicHeader, isPublicName } from '../../../core/report/public-names.ts';
import { SIGNATURE_REDACTED } from '../../../core/report/redact.ts';
import { isSecretName, nameKey } from '../../../core/run/secret-names.ts';
import { REDACTED } from '../../../core/view/mask.ts';

/** What the page lists under "What was removed": counts, never values. */
export type RemovedKind =
  'cookies' | 'headers' | 'passwords' | 'tokens' | 'codes' | 'other' | 'personal' | 'bodies';
export type Removed = Record<RemovedKind, number>;

/** What the cleaner hears of each secret it meets: the value, its kind, what stands in its place. */
export interface Sink {
  found: (value: string, kind: RemovedKind, replacement: string) => void;
  /** Remove personal data too (e-mail addresses, phone numbers, people's names). */
  personal: boolean;
}

/** Values the cleaner itself searches for everywhere; shorter ones are removed only where they stand. */
export const EVERYWHERE_MIN = 12;

/** Whether a value is worth searching for everywhere: long, and not a word of the HAR's own structure. */
export const searchedEverywhere = (value: string): boolean =>
  value.length >= EVERYWHERE_MIN && !/^(true|false|null|-?\d+(\.\d+)?([eE][+-]?\d+)?)$/.test(value);

const PASSWORDS = new Set(['password', 'passwd', 'pwd', 'pin', 'passcode', 'otp'].map(nameKey));
export const isPasswordName = (name: string): boolean =>
  PASSWORDS.has(nameKey(name)) || /(password|passwd)$/.test(nameKey(name));

/** Names under which a one-time code travels: a short number there is a credential. */
const OTP_NAME =
  /otp|mfa|2fa|onetime|passcode|^(sms|email|verification|verify|security|auth|login|confirmation)code$/;
const otpName = (name: string) => OTP_NAME.test(nameKey(name));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/**
 * A random-looking value (a credential whatever its name): ≥ 20 characters of base64url or base64
 * with letters and digits mixed, or ≥ 32 hex digits; never a UUID (a correlation or object id).
 */
export function randomShaped(value: string): boolean {
  // Longer than any credential a name does not already give away (a page, a padded field).
  if (value.length < 20 || value.length > 4096 || UUID.test(value)) return false;
  if (/^[0-9a-f]{32,}$/i.test(value)) return true;
  const base64url = /^[A-Za-z0-9_-]{20,}$/.test(value);
  const base64 = /^[A-Za-z0-9+/]{20,}={0,2}$/.test(value) && !value.startsWith('/') && !value.includes('//');
  return (base64url || base64) && /[0-9]/.test(value) && /[A-Za-z]/.test(value);
}

/** A JWS or a JWE anywhere in a string, by its shape. */
export const JWT_ANYWHERE =
  /eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)?/g;

/** A JWT keeps its header and claims (support needs them); a JWE keeps its header only. */
export function jwtReplacement(jwt: string): string {
  const parts = jwt.split('.');
  return parts.length === 5 ? `${parts[0]}.[encrypted]` : `${parts[0]}.${parts[1]}.${SIGNATURE_REDACTED}`;
}

export const isJwt = (value: string): boolean => /^eyJ[\w-]*\.[\w-]+\.[\w-]+(\.[\w-]+\.[\w-]+)?$/.test(value);

/** What stands in a secret's place: a whole JWT keeps its readable parts. */
export const replacementFor = (value: string): string => (isJwt(value) ? jwtReplacement(value) : REDACTED);

/** Markers the cleaner writes: never a secret when read again. */
export const isMarker = (value: string): boolean =>
  value === '' || value === REDACTED || value.includes(SIGNATURE_REDACTED) || value.endsWith('.[encrypted]');

/**
 * The kind of secret a named value is, or undefined when it may stay: by its name (a password, a
 * token, an OAuth code where `oauth` says codes are OAuth's), a one-time code under an OTP name, or by
 * its shape under any name that is not public.
 */
export function secretKind(name: string, value: string, oauth = false): RemovedKind | undefined {
  if (isMarker(value)) return undefined;
  if (name === 'code' && oauth) return 'codes';
  if (isSecretName(name)) return isPasswordName(name) ? 'passwords' : 'tokens';
  if (/^\d{4,10}$/.test(value) && otpName(name)) return 'passwords';
  if (isPublicName(name)) return undefined;
  return randomShaped(value) ? 'other' : undefined;
}

/** Token Binding headers (RFC 8471) prove a TLS key, bound to one connection: no bearer credential. */
const HEADER_WORDS = new Set([
  'token',
  'key',
  'apikey',
  'secret',
  'session',
  'sessionid',
  'csrf',
  'xsrf',
  'signature',
  'auth',
  'authorization',
  'credential',
  'credentials',
  'password',
  'cookie',
]);

/**
 * A header that carries a credential or a session, by the whole words of its name (`x-csrf-token`,
 * `proxy-authorization`; not `:authority`, `x-goog-authuser` or `include-referred-token-binding-id`).
 */
export function secretHeader(name: string): boolean {
  const n = name.toLowerCase();
  if (isPublicHeader(n) || n.startsWith(':') || n === 'www-authenticate') return false;
  if (n === 'set-cookie') return true;
  const words = n.replace(/token-binding/g, '').split(/[^a-z0-9]+/);
  return words.some((w) => HEADER_WORDS.has(w));
}
