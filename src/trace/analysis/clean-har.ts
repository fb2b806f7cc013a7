import { matcher, replaceAll, type Found } from '../../core/report/find-all.ts';
import { SIGNATURE_REDACTED } from '../../core/report/redact.ts';
import { isSecretName, nameKey } from '../../core/run/secret-names.ts';
import { REDACTED } from '../../core/view/mask.ts';
import { htmlDecode, type HarFile } from './har.ts';

/** What the page lists under "What was removed": counts, never values. */
export type RemovedKind = 'cookies' | 'headers' | 'passwords' | 'tokens' | 'codes' | 'bodies';
export type Removed = Record<RemovedKind, number>;

export interface CleanedHar {
  text: string;
  /** Any other text with the same secrets removed (the report's diagnosis, read from the original). */
  clean: (text: string) => string;
  removed: Removed;
  /** Entries the normaliser could not read: left out of the copy. */
  skipped: number;
  /** A secret still in the copy after cleaning: the copy must not be offered. */
  leftover?: { kind: RemovedKind; entry: number };
}

export interface CleanOptions {
  /** Pages, scripts, styles, images and other bodies that are neither JSON nor a form: left out unless kept. */
  keepOtherBodies: boolean;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** Shorter values are removed only where they stand whole (a 4-digit PIN, not every "1234" in the file). */
const FREE_TEXT_MIN = 12;
const PASSWORDS = new Set(['password', 'passwd', 'pwd', 'pin', 'otp'].map(nameKey));
const passwordName = (name: string) =>
  PASSWORDS.has(nameKey(name)) || /(password|passwd)$/.test(nameKey(name));

/** Headers that carry credentials or sessions, by name; these two carry none and support needs them. */
const HEADER_WORDS = /token|key|secret|session|csrf|xsrf|signature|auth/i;
const secretHeader = (name: string) => {
  const n = name.toLowerCase();
  if (n === 'www-authenticate' || n.startsWith('access-control-')) return false;
  return n === 'cookie' || n === 'set-cookie' || HEADER_WORDS.test(n);
};

/** A JWS or a JWE anywhere in a string, by its shape. */
const JWT_ANYWHERE =
  /eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)?/g;
const jwtReplacement = (jwt: string) => {
  const parts = jwt.split('.');
  return parts.length === 5 ? `${parts[0]}.[encrypted]` : `${parts[0]}.${parts[1]}.${SIGNATURE_REDACTED}`;
};

const TEXT_TYPES = /json|text|html|xml|javascript|css|x-www-form-urlencoded|svg/i;

interface Secrets {
  kinds: Map<string, RemovedKind>;
  /** A JWT keeps its header and claims: support needs them. */
  replacement: Map<string, string>;
}

/** Collects every credential the HAR holds, by name, header, cookie and shape (rules 1–3). */
class Collector implements Secrets {
  kinds = new Map<string, RemovedKind>();
  replacement = new Map<string, string>();

  add(value: string | undefined, kind: RemovedKind) {
    if (!value || value === REDACTED) return;
    if (!this.kinds.has(value)) this.kinds.set(value, kind);
  }

  named(name: string, value: string | undefined, oauthCode = false) {
    if (!value) return;
    if (name === 'code') return oauthCode ? this.add(value, 'codes') : undefined;
    if (isSecretName(name)) this.add(value, passwordName(name) ? 'passwords' : 'tokens');
    // `;jsessionid=` rides on a path; a value may hold a JWT.
    this.shapes(value);
  }

  params(params: Iterable<[string, string]>) {
    const list = [...params];
    // `code` is an OAuth code in a callback (beside `state`) or a token request (authorization_code).
    const oauth = list.some(([n, v]) => n === 'state' || (n === 'grant_type' && v === 'authorization_code'));
    for (const [name, value] of list) this.named(name, value, oauth);
  }

  url(value: string | undefined) {
    if (!value) return;
    this.shapes(value);
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return;
    }
    this.params(safeParams(url.search.slice(1)));
    this.params(safeParams(url.hash.slice(1)));
    for (const m of url.pathname.matchAll(/;jsessionid=([^;/?#]+)/gi)) this.add(m[1], 'tokens');
  }

  /** JSON at any depth: strings under secret names; anything JWT-shaped. Never `code` (an error field). */
  json(root: unknown) {
    const stack: [unknown, string][] = [[root, '']];
    while (stack.length) {
      const [value, name] = stack.pop()!;
      if (typeof value === 'string') this.named(name, value);
      else if (Array.isArray(value)) for (const v of value) stack.push([v, name]);
      else if (isObject(value)) for (const [k, v] of Object.entries(value)) stack.push([v, k]);
    }
  }

  /** A text body: JSON, a form, or a page whose hidden inputs and inline JSON carry secret names. */
  text(body: string): 'json' | 'form' | 'other' {
    const json = parseJson(body);
    if (json !== undefined) {
      this.json(json);
      return 'json';
    }
    if (/^[^=&\s<>{}]+=[^&\s<>]*(&[^=&\s<>]+=[^&\s<>]*)*$/.test(body.trim())) {
      this.params(safeParams(body.trim()));
      return 'form';
    }
    for (const input of body.matchAll(/<input\b[^>]*>/gi)) {
      const name = /\bname\s*=\s*["']?([^"'\s>]+)/i.exec(input[0])?.[1];
      const value = /\bvalue\s*=\s*"([^"]*)"|\bvalue\s*=\s*'([^']*)'/i.exec(input[0]);
      if (name) this.named(name, htmlDecode(value?.[1] ?? value?.[2] ?? ''));
    }
    for (const pair of body.matchAll(/"([A-Za-z_$][\w$-]*)"\s*:\s*"((?:[^"\\]|\\.){1,4096})"/g))
      if (isSecretName(pair[1]!)) this.named(pair[1]!, parseJson(`"${pair[2]}"`) as string | undefined);
    this.shapes(body);
    return 'other';
  }

  /** Free text (a comment): `name=value` and `name: value` pairs under secret names, and JWTs. */
  prose(text: string) {
    for (const m of text.matchAll(/([A-Za-z_][\w-]*)\s*[=:]\s*["']?([^\s"'&,;]+)/g)) this.named(m[1]!, m[2]);
    this.shapes(text);
  }

  shapes(text: string) {
    for (const m of text.matchAll(JWT_ANYWHERE))
      if (m[0].split('.').length >= 3 && m[0].length > 40) {
        this.add(m[0], 'tokens');
        this.replacement.set(m[0], jwtReplacement(m[0]));
      }
  }
}

function safeParams(text: string): [string, string][] {
  const out: [string, string][] = [];
  for (const pair of text.split('&')) {
    if (!pair) continue;
    const at = pair.indexOf('=');
    const [name, value] = at < 0 ? [pair, ''] : [pair.slice(0, at), pair.slice(at + 1)];
    out.push([decodeForm(name), decodeForm(value)]);
  }
  return out;
}

/** application/x-www-form-urlencoded decoding that never throws: a stray `%` stays as it is. */
function decodeForm(text: string): string {
  const plus = text.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(plus);
  } catch {
    return plus.replace(/%[0-9a-fA-F]{2}/g, (h) => {
      try {
        return decodeURIComponent(h);
      } catch {
        return h;
      }
    });
  }
}

function parseJson(text: string): unknown {
  const t = text.trim();
  if (!t || !'{["'.includes(t[0]!)) return undefined;
  try {
    return JSON.parse(t) as unknown;
  } catch {
    return undefined;
  }
}

/** The spellings a value may stand in: as is, percent-encoded (either case), form-encoded, JSON-escaped. */
function spellings(value: string): string[] {
  const uri = encodeURIComponent(value);
  const form = new URLSearchParams({ v: value }).toString().slice(2);
  const json = JSON.stringify(value).slice(1, -1);
  const lower = (s: string) => s.replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase());
  return [...new Set([value, uri, lower(uri), form, lower(form), json, json.replace(/\//g, '\\/')])];
}

/** A short value counts only where it stands whole: not inside a longer word or number. */
const WORDY = /[A-Za-z0-9._~-]/;
function standsWhole(found: Found, text: string): boolean {
  const before = text[found.start - 1];
  const after = text[found.end];
  return (before === undefined || !WORDY.test(before)) && (after === undefined || !WORDY.test(after));
}

interface Scrubber {
  /** `text` with every secret replaced in any spelling; `kinds` hears each kind replaced. */
  clean: (text: string) => string;
  /** The kind of the first secret still in `text`, if any. */
  left: (text: string) => RemovedKind | undefined;
}

function scrubber(secrets: Secrets): Scrubber {
  const patterns: string[] = [];
  const owner: string[] = [];
  for (const value of secrets.kinds.keys())
    for (const s of spellings(value)) {
      patterns.push(s);
      owner.push(value);
    }
  const m = matcher(patterns);
  const accept = (f: Found, text: string) =>
    owner[f.pattern]!.length >= FREE_TEXT_MIN || standsWhole(f, text);
  return {
    clean: (text) =>
      replaceAll(text, m.find(text, accept), (p) => secrets.replacement.get(owner[p]!) ?? REDACTED),
    left: (text) => {
      const [first] = m.find(text, accept);
      return first ? secrets.kinds.get(owner[first.pattern]!) : undefined;
    },
  };
}

/** Every string in a JSON value cleaned, keys kept (the HAR stays the same shape). */
function cleanStrings(value: unknown, clean: (text: string) => string): unknown {
  if (typeof value === 'string') return clean(value);
  if (Array.isArray(value)) return value.map((v) => cleanStrings(v, clean));
  if (isObject(value))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cleanStrings(v, clean)]));
  return value;
}

const readable = (e: unknown): e is Json & { request: Json & { url: string }; response: Json } =>
  isObject(e) && isObject(e.request) && typeof e.request.url === 'string' && isObject(e.response);

const headersOf = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);

function decodeBase64(text: string): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(
      Uint8Array.from(atob(text), (c) => c.charCodeAt(0)),
    );
  } catch {
    return undefined;
  }
}
const encodeBase64 = (text: string) => {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
};

/** A response body as the kind of thing it is, from what it was read as and its type. */
function bodyKind(mimeType: string, read: 'json' | 'form' | 'other'): 'structured' | 'text' | 'binary' {
  if (read === 'json' || /json|x-www-form-urlencoded/i.test(mimeType)) return 'structured';
  return TEXT_TYPES.test(mimeType) || !mimeType ? 'text' : 'binary';
}

/** A response body read once: its text (base64 decoded) and what it is. */
interface Body {
  plain: string | undefined;
  kind: 'structured' | 'text' | 'binary';
}

/**
 * The copy that is safe to share (design.md): secrets found by name (anywhere, any casing, any depth),
 * by header and cookie, and by shape (JWT signatures), then removed wherever they recur in any
 * spelling; bodies other than JSON and forms left out unless asked for; the copy searched again.
 */
export function cleanHar(har: string | HarFile, options: CleanOptions): CleanedHar {
  const data = typeof har === 'string' ? (JSON.parse(har) as HarFile) : har;
  const removed: Removed = { cookies: 0, headers: 0, passwords: 0, tokens: 0, codes: 0, bodies: 0 };
  const entries = data.log.entries.filter(readable);
  const skipped = data.log.entries.length - entries.length;
  const found = new Collector();
  const bodies = new Map<object, Body>();

  // Rules 1–3: find every secret first, so each is removed wherever else it recurs.
  if (typeof data.log.comment === 'string') found.prose(data.log.comment);
  for (const page of Array.isArray(data.log.pages) ? data.log.pages.filter(isObject) : [])
    found.url(str(page.title));
  for (const e of entries) {
    const { request, response } = e;
    found.url(request.url);
    found.url(str(response.redirectURL));
    for (const h of [...headersOf(request.headers), ...headersOf(response.headers)]) {
      const name = str(h.name) ?? '';
      const value = str(h.value) ?? '';
      if (name.toLowerCase() === 'location') found.url(value);
      if (secretHeader(name)) collectHeader(found, name, value);
      else found.shapes(value);
    }
    for (const c of [...headersOf(request.cookies), ...headersOf(response.cookies)])
      found.add(str(c.value), 'cookies');
    const post = isObject(request.postData) ? request.postData : undefined;
    if (post && typeof post.text === 'string') found.text(post.text);
    if (post && Array.isArray(post.params))
      found.params(
        headersOf(post.params).map((p) => [str(p.name) ?? '', str(p.value) ?? ''] as [string, string]),
      );
    const content = isObject(response.content) ? response.content : undefined;
    if (content && typeof content.text === 'string') {
      const plain = content.encoding === 'base64' ? decodeBase64(content.text) : content.text;
      const mimeType = str(content.mimeType) ?? '';
      bodies.set(e, {
        plain,
        kind: plain === undefined ? 'binary' : bodyKind(mimeType, found.text(plain)),
      });
    }
    for (const frame of headersOf(e._webSocketMessages))
      if (typeof frame.data === 'string') found.text(frame.data);
    // The initiator's URLs and stack frames.
    const initiator: unknown[] = [e._initiator];
    while (initiator.length) {
      const v = initiator.pop();
      if (typeof v === 'string') found.url(v);
      else if (Array.isArray(v)) initiator.push(...(v as unknown[]));
      else if (isObject(v)) initiator.push(...Object.values(v));
    }
    if (typeof e.comment === 'string') found.prose(e.comment);
  }
  // Headers and cookies are counted where they are masked; the rest as distinct values.
  for (const kind of found.kinds.values()) if (kind !== 'cookies' && kind !== 'headers') removed[kind]++;

  const scrub = scrubber(found);
  // Rule 6: each part of the copy is searched again, as it will be written, before it is offered.
  let leftover: CleanedHar['leftover'];
  const written = (json: string, entry: number) => {
    const kind = leftover ? undefined : scrub.left(json);
    if (kind) leftover = { kind, entry };
    return json;
  };
  const parts = entries.map((e, index) => {
    const request = { ...e.request };
    const response = { ...e.response };
    for (const side of [request, response]) {
      if (Array.isArray(side.headers))
        side.headers = headersOf(side.headers).map((h) => {
          if (!secretHeader(str(h.name) ?? '')) return h;
          removed[/cookie/i.test(str(h.name) ?? '') ? 'cookies' : 'headers']++;
          return { ...h, value: REDACTED };
        });
      if (Array.isArray(side.cookies)) {
        removed.cookies += side.cookies.length;
        side.cookies = headersOf(side.cookies).map((c) => ({ ...c, value: REDACTED }));
      }
    }
    const content = isObject(response.content) ? { ...response.content } : undefined;
    if (content && typeof content.text === 'string') {
      const base64 = content.encoding === 'base64';
      const { plain, kind } = bodies.get(e)!;
      if (kind !== 'structured' && !options.keepOtherBodies) {
        delete content.text;
        delete content.encoding;
        content.comment = 'body left out of the shared copy';
        removed.bodies++;
      } else if (plain !== undefined && kind !== 'binary') {
        const cleaned = scrub.clean(plain);
        if (cleaned !== plain) content.text = base64 ? encodeBase64(cleaned) : cleaned;
      }
      // A binary body stays byte for byte.
      response.content = content;
    }
    const { response: _r, request: _q, ...rest } = e;
    const copy = {
      ...(cleanStrings(rest, scrub.clean) as Json),
      request: cleanStrings(request, scrub.clean),
      response: {
        ...(cleanStrings({ ...response, content: undefined }, scrub.clean) as Json),
        ...(content ? { content: cleanContent(content, scrub.clean) } : {}),
      },
    };
    // Written one entry at a time: no second copy of the whole file in memory before the text.
    return written(JSON.stringify(copy), index + 1);
  });

  // The log's other fields (pages, comment, creator), then the entries; a HAR's key order is free.
  const { log, ...top } = data;
  const { entries: _e, ...logRest } = log;
  const around = (json: string, key: string, inner: string) =>
    `${json.slice(0, -1)}${json === '{}' ? '' : ','}"${key}":${inner}}`;
  const logText = around(
    written(JSON.stringify(cleanStrings(logRest, scrub.clean)), 0),
    'entries',
    `[${parts.join(',')}]`,
  );
  const text = around(written(JSON.stringify(cleanStrings(top, scrub.clean)), 0), 'log', logText);
  return { text, clean: scrub.clean, removed, skipped, ...(leftover ? { leftover } : {}) };
}

/** A body already cleaned above is kept as it is; its other fields are cleaned like any string. */
function cleanContent(content: Json, clean: (text: string) => string): Json {
  const { text, ...rest } = content;
  return { ...(cleanStrings(rest, clean) as Json), ...(text !== undefined ? { text } : {}) };
}

function collectHeader(found: Collector, name: string, value: string) {
  const n = name.toLowerCase();
  if (n === 'cookie')
    for (const part of value.split(';')) found.add(part.split('=').slice(1).join('=').trim(), 'cookies');
  else if (n === 'set-cookie')
    found.add(value.split(';')[0]!.split('=').slice(1).join('=').trim(), 'cookies');
  else {
    const credential = /^(Bearer|Basic|DPoP|Token|MAC|Digest|Negotiate)\s+(.+)$/i.exec(value)?.[2];
    found.add(credential ?? value, 'headers');
    found.shapes(value);
  }
}
