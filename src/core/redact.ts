import { decodeToken } from './jwt.ts';
import type { Run, Secret, SecretKind } from './run.ts';
import { formEncode } from './token.ts';
import { maskCredentials, REDACTED } from './view/mask.ts';

export const SIGNATURE_REDACTED = '[signature redacted]';

/** State and nonce guard a login only while it is in flight; afterwards they may be kept. */
const SECRET_AFTER_RUN: ReadonlySet<SecretKind> = new Set([
  'client_secret',
  'code',
  'code_verifier',
  'access_token',
  'refresh_token',
  'id_token',
]);

/** A JWT keeps its header and claims and loses its signature; anything else goes whole. */
function replacementFor(secret: Secret): string {
  if (
    (secret.kind === 'access_token' || secret.kind === 'id_token') &&
    decodeToken(secret.value).kind === 'jwt'
  ) {
    return `${secret.value.slice(0, secret.value.lastIndexOf('.'))}.${SIGNATURE_REDACTED}`;
  }
  return REDACTED;
}

/** Every form a value takes in what we record: as is, URL-encoded, form-encoded, JSON-escaped. */
function forms(value: string): string[] {
  return [value, encodeURIComponent(value), formEncode(value), JSON.stringify(value).slice(1, -1)];
}

export type Replacements = [find: string, replace: string][];

export function replacementsFor(secrets: Secret[]): Replacements {
  const pairs = secrets
    .filter((s) => SECRET_AFTER_RUN.has(s.kind))
    .flatMap((s) => forms(s.value).map((f): [string, string] => [f, replacementFor(s)]));
  // Longest first, so a secret inside a longer one (a token inside a body) goes as a whole.
  return [...new Map(pairs)].sort(([a], [b]) => b.length - a.length);
}

const scrubText = (text: string, pairs: Replacements) =>
  pairs.reduce((t, [find, replace]) => (find && t.includes(find) ? t.split(find).join(replace) : t), text);

/**
 * A deep copy with every recorded secret replaced wherever it recurs (URLs, bodies, headers, claims),
 * and every Authorization header's credentials removed. Object keys are left alone.
 */
export function scrub<T>(value: T, pairs: Replacements): T {
  const walk = (v: unknown, key?: string): unknown => {
    if (typeof v === 'string') {
      if (key?.toLowerCase() === 'authorization') return maskCredentials(v);
      return scrubText(v, pairs);
    }
    if (Array.isArray(v)) return v.map((item) => walk(item));
    if (v && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).map(([k, item]) => [k, walk(item, k)]));
    }
    return v;
  };
  return walk(value) as T;
}

/**
 * The run as it may leave the browser session (history on disk, reports): secrets and signatures
 * removed, the list of secrets and the in-flight values dropped, marked as redacted.
 */
export function redactRun(run: Run): Run {
  const { secrets, flight: _flight, ...rest } = run;
  return { ...scrub(rest, replacementsFor(secrets)), secrets: [], redacted: true };
}
