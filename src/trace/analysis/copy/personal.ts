import { base64url } from 'jose';
import { nameKey } from '../../../core/run/secret-names.ts';
import { REDACTED } from '../../../core/view/mask.ts';
import type { Sink } from './verdict.ts';

/**
 * Personal data (LGPD, GDPR), removed from the shared copy when the person asks: e-mail addresses and
 * phone numbers anywhere, and the values of fields and claims that name or reach a person.
 */
const PERSONAL_NAMES = new Set(
  [
    'name',
    'given_name',
    'family_name',
    'middle_name',
    'nickname',
    'preferred_username',
    'username',
    'user',
    'login',
    'loginfmt',
    'login_hint',
    'email',
    'upn',
    'unique_name',
    'phone',
    'phone_number',
    'mobile',
    'birthdate',
    'address',
    'street_address',
    'first_name',
    'last_name',
    'full_name',
    'display_name',
    'cpf',
  ].map(nameKey),
);

export const isPersonalName = (name: string): boolean => PERSONAL_NAMES.has(nameKey(name));

const EMAIL = /[A-Za-z0-9._%+-]+(?:@|%40)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
/** International numbers (`+55 11 98765-4321`) and Brazil's `(11) 98765-4321`. */
const PHONE = /\+\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]?\d{2,5}){2,4}\b|\(\d{2}\)\s?9?\d{4}-\d{4}\b/g;

/** `text` with e-mail addresses and phone numbers replaced, each told to the sink. */
export function personalText(text: string, sink: Sink): string {
  if (!sink.personal || (!text.includes('@') && !text.includes('%40') && !/\d{4}/.test(text))) return text;
  const found = (m: string) => {
    sink.found(m, 'personal', REDACTED);
    return REDACTED;
  };
  return text.replace(EMAIL, found).replace(PHONE, found);
}

/** A JWT's claims with the personal ones removed (its signature is gone already: it is no proof). */
export function personalClaims(payload: string, sink: Sink): string {
  if (!sink.personal) return payload;
  try {
    const claims: unknown = JSON.parse(new TextDecoder().decode(base64url.decode(payload)));
    if (typeof claims !== 'object' || claims === null) return payload;
    let changed = false;
    const cleaned = Object.fromEntries(
      Object.entries(claims).map(([name, value]) => {
        if (!isPersonalName(name) || value === undefined) {
          if (typeof value !== 'string') return [name, value];
          const next = personalText(value, sink);
          changed ||= next !== value;
          return [name, next];
        }
        sink.found(typeof value === 'string' ? value : JSON.stringify(value), 'personal', REDACTED);
        changed = true;
        return [name, REDACTED];
      }),
    );
    return changed ? base64url.encode(JSON.stringify(cleaned)) : payload;
  } catch {
    return payload;
  }
}
