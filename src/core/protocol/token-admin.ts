import type { FlowErrorInfo } from '../flow-error.ts';
import type { Exchange, HttpRequest } from './http.ts';
import { parsedObject } from './discovery.ts';
import type { TokenHint } from '../run/run.ts';
import { carriesCredentials, formPost } from './token.ts';
import { refusalHint } from './client-auth-refusal.ts';
import { type ClientCredentials } from './client-auth.ts';
import { say } from '../i18n/say.ts';

/** RFC 7009 §2.1: revoke one token, saying which kind it is; authenticated (by the transport) as the token request. */
export const revocationRequest = (endpoint: string, token: string, hint: TokenHint): HttpRequest =>
  formPost(endpoint, [
    ['token', token],
    ['token_type_hint', hint],
  ]);

/** RFC 7662 §2.1: ask whether a token is active, and what it grants. */
export const introspectionRequest = revocationRequest;

const failure = (
  exchange: Exchange,
  what: 'revocation' | 'introspection',
  client?: ClientCredentials,
): FlowErrorInfo | undefined => {
  const res = exchange.response;
  if (!res) return exchange.failure ?? { code: 'network', ...say('noResponse') };
  if (res.status >= 200 && res.status <= 299) return undefined;
  const body = parsedObject(res.body);
  const code = typeof body?.error === 'string' ? body.error : '';
  const description = typeof body?.error_description === 'string' ? ` — ${body.error_description}` : '';
  // What the standard expects where this answer departs from it, and why the client may be refused.
  const hint = client
    ? refusalHint(res, code, client, undefined, { carriedCredentials: carriesCredentials(exchange.request) })
    : undefined;
  return {
    code: 'provider_error',
    ...say(
      what === 'revocation' ? 'revocationHttp' : 'introspectionHttp',
      `${res.status}${code ? `: ${code}` : ''}${description}`,
    ),
    ...hint,
  };
};

/** RFC 7009 §2.2: HTTP 200 means revoked (or never valid: the answer is the same by design). */
export const readRevocation = (exchange: Exchange, client?: ClientCredentials): FlowErrorInfo | undefined =>
  failure(exchange, 'revocation', client);

/** RFC 7662 §2.2: a JSON object whose `active` is a boolean; the rest is shown as it came. */
export function readIntrospection(
  exchange: Exchange,
  client?: ClientCredentials,
): {
  fields?: Record<string, unknown>;
  error?: FlowErrorInfo;
} {
  const error = failure(exchange, 'introspection', client);
  if (error) return { error };
  const fields = parsedObject(exchange.response?.body);
  if (!fields) return { error: { code: 'token_not_json', ...say('introspectionNotJson') } };
  return { fields };
}
