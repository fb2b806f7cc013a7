import { htmlDecode } from '../../../core/protocol/html-text.ts';
import { REDACTED } from '../../../core/view/mask.ts';
import { decodeForm, encodeForm, parseJson } from './codec.ts';
import { isPersonalName, personalClaims, personalText } from './personal.ts';
import { isJwt, JWT_ANYWHERE, replacementFor, secretKind, type Sink } from './verdict.ts';

/**
 * The shared copy's rewriters: each reads a part of a HAR (a URL, a form, JSON, a page, a multipart
 * body), tells the sink every secret it meets and returns the part with each one replaced where it
 * stands, whatever its length or escaping. Long secrets are then also removed wherever else they
 * recur (`clean-har.ts`).
 */

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether `code` in these names is an OAuth code: beside `state`, or in a code redemption. */
export const oauthCodes = (pairs: [string, unknown][]): boolean =>
  pairs.some(([n, v]) => n === 'state' || (n === 'grant_type' && v === 'authorization_code'));

/** A value judged by its name; when it may stay, what it holds is read too (a URL, JSON, a JWT). */
export function rewriteValue(name: string, value: string, sink: Sink, oauth = false): string {
  const kind = secretKind(name, value, oauth);
  if (kind) {
    const shown = readableParts(replacementFor(value), sink);
    sink.found(value, kind, shown);
    return shown;
  }
  if (sink.personal && value && isPersonalName(name)) {
    sink.found(value, 'personal', REDACTED);
    return REDACTED;
  }
  return rewriteInside(value, sink);
}

/** What a public value holds: a URL's parameters, a JSON text, inline `name: "value"` pairs, JWTs. */
export function rewriteInside(value: string, sink: Sink): string {
  let out = value;
  if (/^(https?:\/\/|\/|\?)[^\s]*[?#;]/i.test(out)) out = rewriteUrl(out, sink);
  else if (/^\s*[{[]/.test(out)) {
    const json = parseJson(out);
    if (json !== undefined) {
      const next = rewriteJson(json, '', sink);
      if (next !== json) out = JSON.stringify(next);
    }
  } else if (out.length > 8 && /["']/.test(out)) out = rewriteInline(out, sink, true);
  return personalText(rewriteJwts(out, sink), sink);
}

/** Every JWT in a text: the signature goes, the header and claims stay (personal claims go when asked). */
export function rewriteJwts(text: string, sink: Sink): string {
  if (!text.includes('eyJ')) return text;
  return text.replace(JWT_ANYWHERE, (jwt) => {
    if (jwt.length <= 40) return jwt;
    const shown = readableParts(replacementFor(jwt), sink);
    sink.found(jwt, 'tokens', shown);
    return shown;
  });
}

/** A JWT without its signature: its claims, less the personal ones when asked. */
function readableParts(replacement: string, sink: Sink): string {
  if (replacement === REDACTED) return replacement;
  const [header, payload, ...rest] = replacement.split('.');
  return rest.length === 1 ? [header, personalClaims(payload!, sink), ...rest].join('.') : replacement;
}

/** `name=value&…` (a query, a fragment, a form body): each value judged by its name, where it stands. */
export function rewriteParams(text: string, sink: Sink): string {
  const raw = text.split('&');
  const pairs = raw.map((p): [string, string] | undefined => {
    const at = p.indexOf('=');
    return at < 0 ? undefined : [decodeForm(p.slice(0, at)), decodeForm(p.slice(at + 1))];
  });
  const oauth = oauthCodes(pairs.filter((p) => p !== undefined));
  let changed = false;
  const out = raw.map((p, i) => {
    const pair = pairs[i];
    if (!pair) return p;
    const next = rewriteValue(pair[0], pair[1], sink, oauth);
    if (next === pair[1]) return p;
    changed = true;
    return `${p.slice(0, p.indexOf('='))}=${encodeForm(next)}`;
  });
  return changed ? out.join('&') : text;
}

/** A URL, absolute or relative: its query and fragment parameters, and a session id on its path. */
export function rewriteUrl(url: string, sink: Sink): string {
  const hash = url.indexOf('#');
  const [beforeHash, fragment] = hash < 0 ? [url, undefined] : [url.slice(0, hash), url.slice(hash + 1)];
  const q = beforeHash.indexOf('?');
  const [path, query] = q < 0 ? [beforeHash, undefined] : [beforeHash.slice(0, q), beforeHash.slice(q + 1)];
  const cleanPath = path.replace(/;jsessionid=([^;/?#]+)/gi, (whole, id: string) => {
    sink.found(id, 'tokens', REDACTED);
    return `;jsessionid=${REDACTED}`;
  });
  const cleanQuery = query === undefined ? '' : `?${rewriteParams(query, sink)}`;
  const cleanFragment =
    fragment === undefined ? '' : `#${fragment.includes('=') ? rewriteParams(fragment, sink) : fragment}`;
  return personalText(rewriteJwts(cleanPath, sink), sink) + cleanQuery + cleanFragment;
}

/** JSON at any depth: values judged by the name they stand under; numbers under password names too. */
export function rewriteJson(value: unknown, name: string, sink: Sink, oauth = false): unknown {
  if (typeof value === 'string') return rewriteValue(name, value, sink, oauth);
  if (typeof value === 'number' && secretKind(name, String(value)) === 'passwords') {
    sink.found(String(value), 'passwords', REDACTED);
    return REDACTED;
  }
  if (Array.isArray(value)) {
    const next = value.map((v) => rewriteJson(v, name, sink, oauth));
    return next.some((v, i) => v !== value[i]) ? next : value;
  }
  if (!isObject(value)) return value;
  const entries = Object.entries(value);
  // `code` in JSON is an error's code, except in a code redemption sent as JSON.
  const codes = oauthCodes(entries);
  const next = entries.map(([k, v]) => [k, rewriteJson(v, k, sink, codes)] as const);
  return next.some(([, v], i) => v !== entries[i]![1]) ? Object.fromEntries(next) : value;
}

/** A JSON text rewritten, its indentation kept; the same text when nothing in it was a secret. */
export function rewriteJsonText(text: string, json: unknown, sink: Sink): string {
  const next = rewriteJson(json, '', sink);
  if (next === json) return text;
  const indent = /^[{[]\s*\n(\s+)/.exec(text.trimStart())?.[1]?.length ?? 0;
  // No indent argument when there is none: V8's fast path for JSON.stringify takes only the value.
  return indent ? JSON.stringify(next, null, indent) : JSON.stringify(next);
}

/** `"name": "value"`, `name: "value"` and `name="value"` pairs in a page, a script or a GraphQL query. */
export function rewriteInline(text: string, sink: Sink, shapes: boolean): string {
  return text.replace(
    /(["']?)([A-Za-z_$][\w$.-]*)\1\s*([:=])\s*(\\?")((?:[^"\\]|\\.){1,8192}?)\4/g,
    (whole, _q: string, name: string, _sep: string, quote: string, raw: string) => {
      const parsed = quote === '"' ? parseJson(`"${raw}"`) : raw;
      const value = typeof parsed === 'string' ? parsed : undefined;
      // A page's or a script's own strings: a link or a sentence under a password's name is no password.
      if (value === undefined || (!isJwt(value) && /^(https?:)?\/\/|^\/|\s/.test(value))) return whole;
      const kind = secretKind(name, value);
      if (!kind || (kind === 'other' && !shapes)) return whole;
      const shown = readableParts(replacementFor(value), sink);
      sink.found(value, kind, shown);
      return whole.slice(0, whole.length - raw.length - quote.length) + shown + quote;
    },
  );
}

/** A page's `<input name value>`s: a form_post page's code is an OAuth code (its form holds `state`). */
export function rewriteInputs(page: string, sink: Sink): string {
  if (!/<input\b/i.test(page)) return page;
  const oauth = /<input\b[^>]*\bname\s*=\s*["']?state\b/i.test(page);
  return page.replace(/<input\b[^>]*>/gi, (tag) => {
    const name = /\bname\s*=\s*["']?([^"'\s>]+)/i.exec(tag)?.[1];
    if (!name) return tag;
    return tag.replace(
      /(\bvalue\s*=\s*)(?:"([^"]*)"|'([^']*)')/i,
      (attr, lead: string, dq?: string, sq?: string) => {
        const value = htmlDecode(dq ?? sq ?? '');
        const next = rewriteValue(htmlDecode(name), value, sink, oauth);
        return next === value ? attr : `${lead}"${next}"`;
      },
    );
  });
}

/** XML and SOAP: elements and attributes judged by their local names (`<wsse:Password>`, `Token="…"`). */
export function rewriteXml(text: string, sink: Sink): string {
  return text
    .replace(
      /(<(?:[\w.-]+:)?([\w.-]+)\b[^>]*>)([^<]{1,65536})(<\/(?:[\w.-]+:)?\2>)/g,
      (whole, open: string, name: string, value: string, close: string) => {
        const next = rewriteValue(name, htmlDecode(value.trim()), sink);
        return next === htmlDecode(value.trim()) ? whole : `${open}${next}${close}`;
      },
    )
    .replace(
      /(\s(?:[\w.-]+:)?([\w.-]+)=")([^"]{1,8192})"/g,
      (whole, lead: string, name: string, value: string) => {
        const next = rewriteValue(name, htmlDecode(value), sink);
        return next === htmlDecode(value) ? whole : `${lead}${next}"`;
      },
    );
}

/** `multipart/form-data`: each part judged by its `name`; a JSON or form part read as such. */
export function rewriteMultipart(text: string, sink: Sink): string {
  const boundary = /^--([^\r\n]+)\r?\n/.exec(text)?.[1];
  if (!boundary) return text;
  return text
    .split(`--${boundary}`)
    .map((part) => {
      const head = /^(\r?\n[\s\S]*?\r?\n\r?\n)([\s\S]*?)(\r?\n)?$/.exec(part);
      const name = head && /content-disposition:[^\r\n]*\bname="([^"]*)"/i.exec(head[1]!)?.[1];
      if (!head || name === undefined || name === null) return part;
      const body = head[2]!;
      const json = parseJson(body);
      const next = json !== undefined ? rewriteJsonText(body, json, sink) : rewriteValue(name, body, sink);
      return next === body ? part : `${head[1]}${next}${head[3] ?? ''}`;
    })
    .join(`--${boundary}`);
}

/** A body that is not JSON nor a form: a multipart form, XML, or a page with inputs and inline JSON. */
export function rewriteText(body: string, mimeType: string, sink: Sink): string {
  if (/^--[^\r\n]+\r?\n/.test(body) && /multipart|^$/i.test(mimeType)) return rewriteMultipart(body, sink);
  const markup = /html|xml/i.test(mimeType) || /^\s*</.test(body);
  let out = markup ? rewriteInputs(body, sink) : body;
  if (/xml|soap/i.test(mimeType) || /^\s*<\?xml|^\s*<([\w-]+:)?Envelope/.test(body))
    out = rewriteXml(out, sink);
  // A script or a style sheet is code: its constants (`PP_E_BAD_PASSWORD: "80041012"`) are no credentials.
  if (!/javascript|ecmascript|css/i.test(mimeType)) out = rewriteInline(out, sink, markup);
  return personalText(rewriteJwts(out, sink), sink);
}

/** Free text (a comment): `name=value` and `name: value` pairs under secret names, and JWTs. */
export function rewriteProse(text: string, sink: Sink): string {
  const out = text.replace(
    /([A-Za-z_][\w-]*)(\s*[=:]\s*["']?)([^\s"'&,;]+)/g,
    (whole, name: string, sep: string, value: string) => {
      const next = rewriteValue(name, value, sink);
      return next === value ? whole : `${name}${sep}${next}`;
    },
  );
  return personalText(rewriteJwts(out, sink), sink);
}
