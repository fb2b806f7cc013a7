/**
 * The names under which a credential travels, for the run's redaction and the HAR's alike: matched
 * whole, regardless of case and separator (`refreshToken` = `refresh_token` = `Refresh-Token`), never
 * as a substring (`session_state` and an ID token's `sid` are not credentials).
 */

/** Lower case, separators gone: the form names are compared in. */
export const nameKey = (name: string): string => name.toLowerCase().replace(/[-_.\s]/g, '');

const EXACT = new Set(
  [
    'password',
    'passwd',
    'pwd',
    'otp',
    'pin',
    'client_secret',
    'client_assertion',
    'assertion',
    'SAMLResponse',
    'SAMLRequest',
    'access_token',
    'refresh_token',
    'id_token',
    'authToken',
    'flowToken',
    'sessionid',
    'session_id',
    'jsessionid',
    'api_key',
    'apikey',
    'id_token_hint',
    'code_verifier',
    'subject_token',
    'actor_token',
    'device_code',
  ].map(nameKey),
);

/** Every name that ends in one of these is a credential's (`x-api-token`, `userPassword`, `clientSecret`). */
const ENDINGS = ['token', 'secret', 'password', 'passwd', 'apikey'];

/** Whether a value under this name is a credential. `code` is not here: it is one only in OAuth places. */
export function isSecretName(name: string): boolean {
  const key = nameKey(name);
  return EXACT.has(key) || ENDINGS.some((end) => key.endsWith(end));
}

/** A JWS (three base64url parts) or a JWE (five): a credential by its shape, whatever its name. */
export const JWT_SHAPE =
  /^[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)?$/;

export const isJwtShaped = (value: string): boolean => JWT_SHAPE.test(value) && value.startsWith('eyJ');
