import type { FlowErrorInfo } from '../flow-error.ts';
import { say } from '../i18n/say.ts';
import type { AuthorizeParams } from './authorize.ts';
import { exchangeRefusalHint, type RefusalOptions } from './client-auth-refusal.ts';
import type { ClientCredentials } from './client-auth.ts';
import { parsedObject } from './discovery.ts';
import type { Exchange, HttpRequest } from './http.ts';
import { formPost } from './token.ts';
import { requestObjectHint } from './jar.ts';

/**
 * RFC 9126 §2.1: every authorization parameter (`redirect_uri` included) in a form POST to the pushed
 * authorization request endpoint; the transport adds the client's authentication, as at the token endpoint.
 */
export const parRequest = (endpoint: string, params: AuthorizeParams): HttpRequest =>
  formPost(endpoint, params);

/** What a pushed request answered (§2.2): the reference the login window carries, and how long it lives. */
export interface Pushed {
  requestUri: string;
  expiresIn: number;
}

/**
 * RFC 9126 §2.2–2.3: a `201` JSON object with `request_uri` (a string) and `expires_in` (a positive
 * number); any other answer stops the run here, in the provider's words and, for a refusal of the client,
 * with the likely causes (the same as at the token endpoint).
 */
export function readParResponse(
  exchange: Exchange,
  client: ClientCredentials,
  advertised: unknown,
  options: RefusalOptions = {},
): { pushed?: Pushed; error?: FlowErrorInfo } {
  const res = exchange.response;
  if (!res) return { error: exchange.failure ?? { code: 'network', ...say('noResponse') } };
  const body = parsedObject(res.body);
  if (res.status < 200 || res.status > 299) {
    const code = typeof body?.error === 'string' ? body.error : '';
    const description = typeof body?.error_description === 'string' ? body.error_description : undefined;
    const hint =
      requestObjectHint(code, description) ??
      exchangeRefusalHint(exchange, res, code, client, advertised, options);
    return {
      error: {
        code: 'par_refused',
        ...say('parHttp', `${res.status}${code ? `: ${code}` : ''}${description ? ` — ${description}` : ''}`),
        ...hint,
      },
    };
  }
  if (!body) return { error: { code: 'par_invalid', ...say('parNotJson', res.status) } };
  const requestUri = body.request_uri;
  if (typeof requestUri !== 'string' || requestUri === '')
    return {
      error: {
        code: 'par_invalid',
        ...say(
          requestUri === undefined ? 'parNoRequestUri' : 'parRequestUriNotString',
          JSON.stringify(requestUri),
        ),
      },
    };
  const expiresIn = typeof body.expires_in === 'number' ? body.expires_in : NaN;
  return { pushed: { requestUri, expiresIn } };
}

/**
 * Whether a login pushes its request: the profile asks for it (or for a FAPI 2.0 check, §5.3.2.2), or the
 * provider requires it (RFC 9126 §5).
 */
export const usesPar = (
  profile: { usePar?: boolean; fapi2?: boolean },
  server: { requirePushedAuthorizationRequests: boolean } | undefined,
): boolean =>
  profile.usePar === true || profile.fapi2 === true || server?.requirePushedAuthorizationRequests === true;
