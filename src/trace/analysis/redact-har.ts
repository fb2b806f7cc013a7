import { redactionsFor, scrub } from '../../core/redact.ts';
import type { Secret, SecretKind } from '../../core/run.ts';
import { REDACTED } from '../../core/view/mask.ts';
import { bodyText, formParams, type HarEntry, type HarHeader } from './har.ts';

/** Headers that carry credentials or sessions: their values go whole. */
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);
/** Parameters whose values are secrets wherever they appear (query, form, JSON body). */
const SECRET_PARAMS: Record<string, SecretKind> = {
  code: 'code',
  code_verifier: 'code_verifier',
  client_secret: 'client_secret',
  access_token: 'access_token',
  refresh_token: 'refresh_token',
  id_token: 'id_token',
  password: 'client_secret',
  client_assertion: 'client_secret',
};

/** Every secret value the HAR holds: in URLs, form bodies and JSON responses, found by name. */
function secretsIn(entries: HarEntry[]): Secret[] {
  const found: Secret[] = [];
  const take = (params: Iterable<[string, string]>) => {
    for (const [name, value] of params) {
      const kind = Object.hasOwn(SECRET_PARAMS, name) ? SECRET_PARAMS[name] : undefined;
      if (kind && value) found.push({ kind, value });
    }
  };
  for (const e of entries) {
    try {
      const url = new URL(e.request.url);
      take(url.searchParams);
      take(new URLSearchParams(url.hash.slice(1)));
    } catch {
      // an unparsable URL holds nothing we can name
    }
    take(formParams(e) ?? []);
    const body = bodyText(e);
    try {
      const json: unknown = body ? JSON.parse(body) : undefined;
      if (json && typeof json === 'object' && !Array.isArray(json))
        take(Object.entries(json).filter((p): p is [string, string] => typeof p[1] === 'string'));
    } catch {
      // not JSON: nothing named in it
    }
  }
  return found;
}

/** A base64 body as the text it holds, so a token inside it is found like any other. */
function plainContent(e: HarEntry): HarEntry['response']['content'] {
  const content = e.response.content;
  if (content?.encoding !== 'base64') return content;
  const text = bodyText(e);
  if (text === undefined) return { ...content, text: '' };
  const { encoding: _encoding, ...rest } = content;
  return { ...rest, text };
}

const maskHeaders = (headers: HarHeader[]) =>
  headers.map((h) => (SECRET_HEADERS.has(h.name.toLowerCase()) ? { ...h, value: REDACTED } : h));

/**
 * The HAR as it may be shared: codes, tokens, client secrets, passwords and verifiers replaced
 * wherever they recur (the run reports' rules), credential and cookie headers and cookie lists
 * emptied. What is left is still a HAR that DevTools opens.
 */
export function redactHar(text: string, entries: HarEntry[]): string {
  const data = JSON.parse(text) as { log: { entries: unknown[] } };
  const redactions = redactionsFor(secretsIn(entries));
  data.log.entries = entries.map((e) =>
    scrub(
      {
        ...e,
        request: {
          ...e.request,
          headers: maskHeaders(e.request.headers),
          ...('cookies' in e.request ? { cookies: [] } : {}),
        },
        response: {
          ...e.response,
          headers: maskHeaders(e.response.headers),
          ...('cookies' in e.response ? { cookies: [] } : {}),
          ...(e.response.content ? { content: plainContent(e) } : {}),
        },
      },
      redactions,
    ),
  );
  return JSON.stringify(data, null, 2);
}
