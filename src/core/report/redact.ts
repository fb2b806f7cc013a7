import { decodeToken } from '../protocol/jwt.ts';
import type { Run, Secret, SecretKind } from '../run/run.ts';
import { say, type Said } from '../i18n/say.ts';
import { maskCredentials, REDACTED } from './mask.ts';
import { withholdUnreadable, withPublicHeaders } from './withheld.ts';

export const SIGNATURE_REDACTED = '[signature redacted]';

/** Shorter secrets are redacted only where they stand as a whole value: as free text they could be any word. */
export const FREE_TEXT_MIN = 12;

/** State and nonce guard a login only while it is in flight; afterwards they may be kept. */
const SECRET_AFTER_RUN: ReadonlySet<SecretKind> = new Set([
  'client_secret',
  'code',
  'code_verifier',
  'access_token',
  'refresh_token',
  'id_token',
  'client_assertion',
  'request_object',
  'dpop_key',
  'credential',
]);

/** How a note names each kind of secret: `secretName_<kind>`, a message in both languages. */
const secretName = (kind: SecretKind) => say(`secretName_${kind}`);

/** A JWT keeps its header and claims and loses its signature; anything else goes whole. */
function replacementFor(secret: Secret): string {
  if (
    (secret.kind === 'access_token' ||
      secret.kind === 'id_token' ||
      secret.kind === 'client_assertion' ||
      secret.kind === 'request_object' ||
      secret.kind === 'credential') &&
    decodeToken(secret.value).kind === 'jwt'
  ) {
    return `${secret.value.slice(0, secret.value.lastIndexOf('.'))}.${SIGNATURE_REDACTED}`;
  }
  return REDACTED;
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** A hex digit in either case, as a regex: `a` → `[aA]`. */
const hexAnyCase = (n: number, width: number) =>
  [...n.toString(16).padStart(width, '0')]
    .map((d) => (/[a-f]/.test(d) ? `[${d}${d.toUpperCase()}]` : d))
    .join('');
const JSON_SHORT: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '/': '\\/',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/**
 * A regex source matching `value` however a provider may have spelled it: as is, percent-encoded
 * (either case, any character, `+` for a space), JSON-escaped (`\/`, `\u002B`), or a mix.
 */
function anySpelling(value: string): string {
  return [...value]
    .map((ch) => {
      const spellings = new Set([escapeRegex(ch)]);
      spellings.add([...new TextEncoder().encode(ch)].map((b) => `%${hexAnyCase(b, 2)}`).join(''));
      if (ch === ' ') spellings.add('\\+');
      const short = JSON_SHORT[ch];
      if (short) spellings.add(escapeRegex(short));
      const units = ch.length === 2 ? [ch.charCodeAt(0), ch.charCodeAt(1)] : [ch.charCodeAt(0)];
      spellings.add(units.map((u) => `\\\\u${hexAnyCase(u, 4)}`).join(''));
      return `(?:${[...spellings].join('|')})`;
    })
    .join('');
}

/**
 * Where a short secret may be redacted: as a whole string, a whole query or form parameter value,
 * or a whole JSON string value (not a key). `client_secret_basic` never loses its middle.
 */
const whole = (spelling: string) =>
  `^${spelling}$|(?<=(?:^|[?&#;])[^=&#?\\s"]*=)${spelling}(?=$|[&#;\\s"'<])|(?<=")${spelling}(?="(?!\\s*:))`;

export interface Redaction {
  /** Matches the secret in any mix of spellings; compiled on first use (long secrets make long patterns). */
  pattern: () => RegExp;
  replacement: string;
  value: string;
  /**
   * The secret as any of its spellings reads once escapes are decoded (`canonical`), less its first
   * four characters (a `%` or `\\` just before a spelling may swallow them); undefined when it holds
   * a `%`, a `\\` or a non-ASCII character, whose spellings do not decode to one form.
   */
  core?: string;
}

const JSON_UNSHORT: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
/**
 * A text with its escapes decoded (`%XX` as the byte's character, `\\uXXXX`, JSON's short escapes) and
 * `+` read as a space: every spelling of an ASCII secret (see `anySpelling`) reads as one string here.
 */
const canonical = (text: string): string =>
  text
    .replace(
      /%([0-9a-fA-F]{2})|\\u([0-9a-fA-F]{4})|\\(["\\/bfnrt])/g,
      (_, pct?: string, u?: string, c?: string) =>
        pct
          ? String.fromCharCode(parseInt(pct, 16))
          : u
            ? String.fromCharCode(parseInt(u, 16))
            : (JSON_UNSHORT[c!] ?? c!),
    )
    .replace(/\+/g, ' ');

/** What redaction looks for: each secret the run holds after it ends, longest first. */
export function redactionsFor(secrets: Secret[]): Redaction[] {
  const kept = secrets.filter((s) => SECRET_AFTER_RUN.has(s.kind) && s.value !== '');
  const unique = [...new Map(kept.map((s) => [s.value, s])).values()].sort(
    (a, b) => b.value.length - a.value.length,
  );
  return unique.map((s) => {
    let compiled: RegExp | undefined;
    const pattern = () => {
      const spelling = anySpelling(s.value);
      const source = s.value.length >= FREE_TEXT_MIN ? spelling : whole(spelling);
      return (compiled ??= new RegExp(source, 'g'));
    };
    // eslint-disable-next-line no-control-regex -- ASCII: every spelling decodes to one form.
    const decodable = /^[\x00-\x7f]*$/.test(s.value) && !/[%\\]/.test(s.value);
    return {
      pattern,
      replacement: replacementFor(s),
      value: s.value,
      ...(decodable ? { core: s.value.replace(/\+/g, ' ').slice(4) } : {}),
    };
  });
}

/** What a report says about secrets too short to be searched for as free text. */
export function redactionNotes(secrets: Secret[]): Said[] {
  const short = secrets.filter(
    (s) => SECRET_AFTER_RUN.has(s.kind) && s.value !== '' && s.value.length < FREE_TEXT_MIN,
  );
  return [...new Set(short.map((s) => s.kind))].map((kind) =>
    say('reportShortSecret', secretName(kind), FREE_TEXT_MIN),
  );
}

/** A text with no escape of any kind: a secret can only stand in it as itself. */
const ESCAPES = /[%\\+]/;

/**
 * Every redaction applied to `text`. Each pattern matches any mix of spellings, which is slow to
 * build and to run on long texts (the finished run's redacted copy is made on the way to the verdict):
 * a text without `%`, `\\` or `+` can only hold a secret as itself, found by a plain search; in any
 * other text the pattern runs only where the decoded text holds the secret.
 */
function scrubText(text: string, redactions: Redaction[]): string {
  const plain = !ESCAPES.test(text);
  let decoded: string | undefined;
  return redactions.reduce((t, r) => {
    const long = r.value.length >= FREE_TEXT_MIN;
    if (plain) {
      if (!t.includes(r.value)) return t;
      // A long secret stands anywhere; a short one only as a whole value (the pattern says where).
      if (long) return t.split(r.value).join(r.replacement);
    } else if (r.core !== undefined) {
      // A long secret's plain spellings go first, by plain search (a URL with `%3A` elsewhere in it
      // still holds the code as itself); the pattern, costly to build, runs only if another spelling
      // is left.
      let rest = t;
      if (long && t.includes(r.value)) {
        rest = t.split(r.value).join(r.replacement);
        decoded = canonical(rest);
      }
      if (!(decoded ??= canonical(rest)).includes(r.core)) return rest;
      return rest.replace(r.pattern(), () => r.replacement);
    }
    return t.replace(r.pattern(), () => r.replacement);
  }, text);
}

/**
 * A deep copy with every recorded secret replaced where it stands, in whatever spelling (URLs,
 * bodies, headers, claims), and every Authorization header's credentials removed; the rest of each
 * string is kept byte for byte. Object keys are left alone.
 */
export function scrub<T>(value: T, redactions: Redaction[]): T {
  const walk = (v: unknown, key?: string): unknown => {
    if (typeof v === 'string') {
      if (key?.toLowerCase() === 'authorization') return maskCredentials(v);
      return scrubText(v, redactions);
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
  const steps = rest.steps.map((step) => withPublicHeaders(withholdUnreadable(step)));
  return { ...scrub({ ...rest, steps }, redactionsFor(secrets)), secrets: [], redacted: true };
}
