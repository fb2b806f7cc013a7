import { REDACTED } from '../../../core/view/mask.ts';
import { safeDecode } from '../har.ts';
import { oauthCodes, rewriteUrl, rewriteValue } from './rewrite.ts';
import { secretHeader, type Removed, type Sink } from './verdict.ts';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const listOf = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);

/** Headers whose value is a URL (its parameters judged one by one); `:path` is the request's path. */
const URL_HEADERS = new Set(['location', 'referer', 'content-location', ':path', 'refresh', 'link']);

/** `name: value` lists (headers, cookies, query strings, form params), rewritten where each stands. */
export function rewritePairs(
  list: unknown,
  sink: Sink,
  removed: Removed,
  masked: 'headers' | 'cookies' | 'params',
) {
  if (!Array.isArray(list)) return list;
  const pairs = listOf(list).map((p): [string, string] => [str(p.name) ?? '', str(p.value) ?? '']);
  const oauth = oauthCodes(pairs);
  return listOf(list).map((p, i) => {
    const [name, value] = pairs[i]!;
    if (typeof p.value !== 'string' || !value) return p;
    if (masked === 'cookies' || (masked === 'headers' && secretHeader(name))) {
      credentialsOf(name, value, sink, masked);
      removed[masked === 'cookies' || /cookie/i.test(name) ? 'cookies' : 'headers']++;
      return { ...p, value: REDACTED };
    }
    const next = URL_HEADERS.has(name.toLowerCase())
      ? rewriteUrl(value, sink)
      : rewriteValue(name, masked === 'params' ? safeDecode(value) : value, sink, oauth);
    return next === value ? p : { ...p, value: next };
  });
}

/** The values a masked header or cookie carried: each removed wherever else it recurs. */
function credentialsOf(name: string, value: string, sink: Sink, masked: string) {
  const n = name.toLowerCase();
  if (masked === 'cookies') return sink.found(value, 'cookies', REDACTED);
  if (n === 'cookie')
    for (const part of value.split(';'))
      sink.found(part.split('=').slice(1).join('=').trim(), 'cookies', REDACTED);
  else if (n === 'set-cookie')
    sink.found(value.split(';')[0]!.split('=').slice(1).join('=').trim(), 'cookies', REDACTED);
  else {
    const credential = /^(Bearer|Basic|DPoP|Token|MAC|Digest|Negotiate|SAPISIDHASH|\w+)\s+(.+)$/i.exec(
      value,
    )?.[2];
    sink.found(credential ?? value, 'headers', REDACTED);
    for (const part of (credential ?? value).split(/[\s,]+/))
      if (part.length >= 12) sink.found(part, 'headers', REDACTED);
  }
}
