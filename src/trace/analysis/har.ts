import { messageOf } from '../../core/flow-error.ts';
import { picked, string, unknown } from '../../core/schema.ts';
import { htmlDecode } from '../../core/protocol/html-text.ts';
import { say, type Said } from '../../core/i18n/say.ts';
/** The parts of HAR 1.2 (as Chrome, Edge, Firefox and Playwright write it) the trace reads. */
export interface HarHeader {
  name: string;
  value: string;
}

export interface HarEntry {
  startedDateTime: string;
  request: {
    method: string;
    url: string;
    headers: HarHeader[];
    postData?: { mimeType?: string; text?: string; params?: HarHeader[] };
  };
  response: {
    status: number;
    statusText?: string;
    headers: HarHeader[];
    redirectURL?: string;
    /** Why the browser did not complete the request (`_error`, e.g. `net::ERR_FAILED`, on the response or the entry). */
    error?: string;
    content?: { mimeType?: string; text?: string; encoding?: string };
  };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** Headers (or params) as `{name, value}` strings; one without a name, or not an object, is left out. */
const pairs = (v: unknown): HarHeader[] =>
  Array.isArray(v)
    ? v.flatMap((h: unknown) => {
        const { name, value } = picked({ name: string, value: unknown }, h);
        return name ? [{ name, value: text(value) }] : [];
      })
    : [];

/** The parts of an entry the trace reads, as HAR 1.2 names them; any field of another type is left out. */
const ENTRY = { startedDateTime: unknown, request: unknown, response: unknown, _error: string };
const REQUEST = { method: string, url: string, headers: unknown, postData: unknown };
const POST = { mimeType: string, text: string, params: unknown };
const RESPONSE = {
  _error: string,
  status: unknown,
  statusText: unknown,
  headers: unknown,
  redirectURL: string,
  content: unknown,
};
const CONTENT = { mimeType: string, text: string, encoding: string };

/**
 * One entry as the trace reads it: string time, numeric status, string headers, params and bodies with
 * their encoding. Undefined when it has no request URL or no response: such an entry is skipped, and counted.
 */
function normalise(e: unknown): HarEntry | undefined {
  const entry = picked(ENTRY, e);
  const request = picked(REQUEST, entry.request);
  if (request.url === undefined || !isObject(entry.response)) return undefined;
  const response = picked(RESPONSE, entry.response);
  const { params, ...post } = picked(POST, request.postData);
  const status = Number(response.status);
  return {
    startedDateTime: text(entry.startedDateTime),
    request: {
      method: request.method?.toUpperCase() ?? 'GET',
      url: request.url,
      headers: pairs(request.headers),
      ...(isObject(request.postData)
        ? { postData: { ...post, ...(Array.isArray(params) ? { params: pairs(params) } : {}) } }
        : {}),
    },
    response: {
      status: Number.isFinite(status) ? status : 0,
      statusText: text(response.statusText),
      headers: pairs(response.headers),
      ...(response.redirectURL !== undefined ? { redirectURL: response.redirectURL } : {}),
      // Chrome writes `_error` on the response; other exporters on the entry.
      ...((response._error ?? entry._error) !== undefined ? { error: response._error ?? entry._error } : {}),
      ...(isObject(response.content) ? { content: picked(CONTENT, response.content) } : {}),
    },
  };
}

/** A HAR as `JSON.parse` gives it: the analysis worker parses the file once, for the trace and the copy. */
export type HarFile = Record<string, unknown> & { log: Record<string, unknown> & { entries: unknown[] } };

/** The entries of a HAR file (and how many could not be read), or why the text is not one. */
export function readHar(
  text: string,
): { entries: HarEntry[]; skipped: number; har: HarFile } | { error: Said } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { error: say('fileNotJson', messageOf(e)) };
  }
  return readParsedHar(data);
}

/** The same, of a HAR already parsed (the DevTools panel's log, handed over entry by entry). */
export function readParsedHar(
  data: unknown,
): { entries: HarEntry[]; skipped: number; har: HarFile } | { error: Said } {
  const log = isObject(data) ? data.log : undefined;
  if (!isObject(log) || !Array.isArray(log.entries)) return { error: say('notHar') };
  const entries = log.entries.map(normalise).filter((e): e is HarEntry => e !== undefined);
  return { entries, skipped: log.entries.length - entries.length, har: data as HarFile };
}

export const header = (headers: HarHeader[], name: string): string | undefined =>
  headers.find((h) => h.name.toLowerCase() === name.toLowerCase())?.value;

/** A response body as text: base64 bodies (`content.encoding`) decoded; a missing body is undefined. */
export function bodyText(entry: HarEntry): string | undefined {
  const content = entry.response.content;
  if (typeof content?.text !== 'string') return undefined;
  if (content.encoding !== 'base64') return content.text;
  try {
    return new TextDecoder().decode(Uint8Array.from(atob(content.text), (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
}

/** A request's form body as parameters (from `params` or the urlencoded `text`). */
export function formParams(entry: HarEntry): URLSearchParams | undefined {
  const post = entry.request.postData;
  if (!post) return undefined;
  if (typeof post.text === 'string') return new URLSearchParams(post.text);
  if (Array.isArray(post.params))
    return new URLSearchParams(post.params.map((p): [string, string] => [p.name, safeDecode(p.value)]));
  return undefined;
}

/** Percent-decoding that never throws: a stray `%` stays as it is. */
export function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * A token request's parameters (RFC 6749 §4.1.3): a form body, or a JSON one as some apps send it
 * (its string, number and boolean fields). Undefined without a body.
 */
export function tokenParams(entry: HarEntry): URLSearchParams | undefined {
  const text = entry.request.postData?.text?.trim();
  if (!text?.startsWith('{')) return formParams(entry);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  return new URLSearchParams(
    Object.entries(body).flatMap(([k, v]) =>
      ['string', 'number', 'boolean'].includes(typeof v) ? [[k, String(v)]] : [],
    ),
  );
}

/** The client ID in an HTTP Basic `Authorization` header (RFC 6749 §2.3.1: form-encoded, then base64). */
export function basicClientId(entry: HarEntry): string | undefined {
  const credentials = /^Basic\s+(\S+)/i.exec(header(entry.request.headers, 'authorization') ?? '')?.[1];
  if (!credentials) return undefined;
  try {
    const decoded = atob(credentials);
    const colon = decoded.indexOf(':');
    return safeDecode((colon < 0 ? decoded : decoded.slice(0, colon)).replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/** A URL's origin, or '' for a URL that is not absolute (a relative one in a hand-made file). */
export const originOf = (url: string): string =>
  /^[a-z][a-z\d+.-]*:\/\/[^/?#]*/i.exec(url)?.[0].toLowerCase() ?? '';

export const paramsOf = (url: string): URLSearchParams => {
  try {
    return new URL(url).searchParams;
  } catch {
    return new URLSearchParams();
  }
};

/** A page's first form: where it posts and what its inputs hold (a form_post page's, say). */
export function readFormPost(entry: HarEntry): { action: string; params: URLSearchParams } | undefined {
  const page = bodyText(entry);
  if (!page?.includes('<form')) return undefined;
  const form = /<form\b[^>]*\baction\s*=\s*["']([^"']*)["'][^>]*>([\s\S]*?)<\/form>/i.exec(page);
  if (!form) return undefined;
  const params = new URLSearchParams();
  for (const input of form[2]!.matchAll(/<input\b[^>]*>/gi)) {
    const name = /\bname\s*=\s*["']([^"']*)["']/i.exec(input[0])?.[1];
    const value = /\bvalue\s*=\s*["']([^"']*)["']/i.exec(input[0])?.[1];
    if (name) params.append(htmlDecode(name), htmlDecode(value ?? ''));
  }
  return { action: htmlDecode(form[1]!), params };
}

/** Where a response sent the browser (`Location`, or the HAR's `redirectURL`), made absolute. */
export function locationOf(e: HarEntry): string | undefined {
  const location = header(e.response.headers, 'location') ?? e.response.redirectURL;
  if (!location) return undefined;
  try {
    return new URL(location, e.request.url).href;
  } catch {
    return location;
  }
}

/** The Trace's readers take it from here; it lives in core, shared with the inspector's error-page reader. */
export { htmlDecode };
