import { rewritePairs } from './copy/pairs.ts';
import { matcher, replaceAll } from '../../core/report/find-all.ts';
import { REDACTED } from '../../core/view/mask.ts';
import { decodeBase64, encodeBase64, parseJson, spellings } from './copy/codec.ts';
import {
  rewriteInside,
  rewriteJsonText,
  rewriteParams,
  rewriteProse,
  rewriteText,
  rewriteUrl,
} from './copy/rewrite.ts';
import { searchedEverywhere, type Removed, type RemovedKind, type Sink } from './copy/verdict.ts';
import type { HarFile } from './har.ts';

export type { Removed, RemovedKind } from './copy/verdict.ts';

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
  /** E-mail addresses, phone numbers and people's names removed too (off by default). */
  removePersonalData?: boolean;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const listOf = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);
/** An object's rewrite is an object; anything else spreads as nothing. */
const objectOr = (v: unknown): Json => (isObject(v) ? v : {});

/** Every secret met, once: its kind (the first met), and what replaces it wherever else it recurs. */
class Found implements Sink {
  readonly kinds = new Map<string, RemovedKind>();
  readonly replacement = new Map<string, string>();
  constructor(readonly personal: boolean) {}
  found(value: string, kind: RemovedKind, replacement: string) {
    if (!value || this.kinds.has(value)) return;
    this.kinds.set(value, kind);
    this.replacement.set(value, replacement);
  }
}

/** A body, read as what it is: JSON, a form, or other text (a page, XML, multipart); binary stays unread. */
function rewriteBody(text: string, mimeType: string, sink: Found): { text: string; structured: boolean } {
  const json = parseJson(text);
  if (json !== undefined) return { text: rewriteJsonText(text, json, sink), structured: true };
  const trimmed = text.trim();
  if (
    /x-www-form-urlencoded/i.test(mimeType) ||
    /^[^=&\s<>{}]+=[^&\s<>]*(&[^=&\s<>]+=[^&\s<>]*)*$/.test(trimmed)
  )
    return { text: rewriteParams(trimmed, sink), structured: true };
  return { text: rewriteText(text, mimeType, sink), structured: false };
}

/** Any other string of an entry (its initiator's stack, a WebSocket frame's data): read for what it holds. */
function rewriteAny(value: unknown, sink: Found): unknown {
  if (typeof value === 'string') return rewriteInside(value, sink);
  if (Array.isArray(value)) return value.map((v) => rewriteAny(v, sink));
  if (isObject(value))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewriteAny(v, sink)]));
  return value;
}

function rewriteEntry(e: Json, sink: Found, removed: Removed, keep: boolean): Json {
  const request: Json = { ...(isObject(e.request) ? e.request : {}) };
  const response: Json = { ...(isObject(e.response) ? e.response : {}) };
  request.url = rewriteUrl(str(request.url) ?? '', sink);
  request.headers = rewritePairs(request.headers, sink, removed, 'headers');
  request.cookies = rewritePairs(request.cookies, sink, removed, 'cookies');
  request.queryString = rewritePairs(request.queryString, sink, removed, 'params');
  if (isObject(request.postData)) {
    const post = { ...request.postData };
    if (typeof post.text === 'string')
      post.text = rewriteBody(post.text, str(post.mimeType) ?? '', sink).text;
    post.params = rewritePairs(post.params, sink, removed, 'params');
    request.postData = post;
  }
  response.headers = rewritePairs(response.headers, sink, removed, 'headers');
  response.cookies = rewritePairs(response.cookies, sink, removed, 'cookies');
  if (typeof response.redirectURL === 'string') response.redirectURL = rewriteUrl(response.redirectURL, sink);
  if (isObject(response.content) && typeof response.content.text === 'string') {
    const content = { ...response.content };
    const base64 = content.encoding === 'base64';
    const text = response.content.text;
    const plain = base64 ? decodeBase64(text) : text;
    const body = plain !== undefined ? rewriteBody(plain, str(content.mimeType) ?? '', sink) : undefined;
    if (body ? !body.structured && !keep : !keep) {
      delete content.text;
      delete content.encoding;
      content.comment = 'body left out of the shared copy';
      removed.bodies++;
    } else if (body && body.text !== plain) content.text = base64 ? encodeBase64(body.text) : body.text;
    // A body whose bytes are not text (an image) stays byte for byte when bodies are kept.
    response.content = content;
  }
  const { request: _q, response: _r, comment, ...rest } = e;
  return {
    ...objectOr(rewriteAny(rest, sink)),
    ...(typeof comment === 'string' ? { comment: rewriteProse(comment, sink) } : {}),
    request,
    response,
  };
}

/** A part of the copy as JSON text, every string in it cleaned on the way (keys kept: the HAR keeps its shape). */
const asCleanJson = (value: unknown, clean: (text: string) => string): string =>
  JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' ? clean(v) : v));

const readable = (e: unknown): e is Json & { request: Json & { url: string }; response: Json } =>
  isObject(e) && isObject(e.request) && typeof e.request.url === 'string' && isObject(e.response);

/**
 * The copy that is safe to share (design.md): every part read as what it is (URLs, forms, JSON, pages,
 * XML, multipart) and each secret replaced where it stands, found by name (any casing, any depth), by
 * header and cookie, and by shape (JWTs, random-looking values under names that are not public); the
 * long ones then removed wherever else they recur, in any spelling, and the copy searched again for them.
 */
export function cleanHar(har: string | HarFile, options: CleanOptions): CleanedHar {
  const data = typeof har === 'string' ? (JSON.parse(har) as HarFile) : har;
  const removed: Removed = {
    cookies: 0,
    headers: 0,
    passwords: 0,
    tokens: 0,
    codes: 0,
    other: 0,
    personal: 0,
    bodies: 0,
  };
  const entries = data.log.entries.filter(readable);
  const skipped = data.log.entries.length - entries.length;
  const found = new Found(options.removePersonalData === true);

  // Every secret is found first (the rewrite's output dropped: holding 5,000 rewritten bodies until the
  // write costs more in the collector than rewriting each entry again as it is written).
  const counted: Removed = { ...removed };
  for (const e of entries) rewriteEntry(e, found, counted, options.keepOtherBodies);
  const { log, ...top } = data;
  const { entries: _e, comment, pages, ...logRest } = log;
  const logFields = {
    ...objectOr(rewriteAny(logRest, found)),
    ...(typeof comment === 'string' ? { comment: rewriteProse(comment, found) } : {}),
    ...(Array.isArray(pages)
      ? {
          pages: listOf(pages).map((p) =>
            typeof p.title === 'string' ? { ...p, title: rewriteUrl(p.title, found) } : p,
          ),
        }
      : {}),
  };
  // Headers and cookies are counted where they are masked; the rest as distinct values.
  for (const kind of found.kinds.values()) if (kind !== 'cookies' && kind !== 'headers') removed[kind]++;

  // Long secrets are removed wherever else they recur, then searched for again in the copy as written.
  const patterns: string[] = [];
  const owner: string[] = [];
  for (const value of found.kinds.keys())
    if (searchedEverywhere(value))
      for (const s of spellings(value)) {
        patterns.push(s);
        owner.push(value);
      }
  const m = matcher(patterns);
  const clean = (text: string) =>
    replaceAll(text, m.find(text), (p) => found.replacement.get(owner[p]!) ?? REDACTED);
  let leftover: CleanedHar['leftover'];
  const written = (json: string, entry: number) => {
    const [first] = leftover ? [] : m.find(json);
    if (first) leftover = { kind: found.kinds.get(owner[first.pattern]!)!, entry };
    return json;
  };
  // Written one entry at a time: no second copy of the whole file in memory before the text.
  const parts = entries.map((e, index) =>
    written(asCleanJson(rewriteEntry(e, found, removed, options.keepOtherBodies), clean), index + 1),
  );
  const around = (json: string, key: string, inner: string) =>
    `${json.slice(0, -1)}${json === '{}' ? '' : ','}"${key}":${inner}}`;
  const logText = around(written(asCleanJson(logFields, clean), 0), 'entries', `[${parts.join(',')}]`);
  const text = around(written(asCleanJson(rewriteAny(top, found), clean), 0), 'log', logText);
  const cleanText = (t: string) => clean(rewriteProse(t, found));
  return { text, clean: cleanText, removed, skipped, ...(leftover ? { leftover } : {}) };
}
