import { messageOf } from '../flow-error.ts';
import type { FlowErrorInfo } from '../flow-error.ts';
import type { Exchange, HttpRequest } from './http.ts';

export { carriesCredentials } from './http.ts';
import { authenticate, type AuthTools, type ClientCredentials, type RequestParts } from './client-auth.ts';
import { exchangeRefusalHint, type RefusalOptions } from './client-auth-refusal.ts';
import { say, sayHint } from '../i18n/say.ts';
import { parsedObject } from './discovery.ts';

/**
 * A form POST to one of the provider's client-authenticated endpoints (token, revocation,
 * introspection, PAR), before the client's authentication: the transport applies it (`withClientAuth`)
 * at the moment it sends. Never follows a redirect: the credentials go to this URL or nowhere.
 */
export const formPost = (url: string, params: [name: string, value: string | undefined][]): HttpRequest => ({
  method: 'POST',
  url,
  headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
  // A parameter without a value is not sent.
  body: new URLSearchParams(params.filter((p): p is [string, string] => p[1] !== undefined)).toString(),
});

/** `request` (a form POST to `target.endpoint`) as it proves the client, by the strategy of its method. */
export async function withClientAuth(
  request: HttpRequest,
  client: ClientCredentials,
  issuer: string,
  tools: AuthTools,
): Promise<HttpRequest> {
  const parts: RequestParts = { headers: request.headers, form: new URLSearchParams(request.body ?? '') };
  const { headers, form } = await authenticate({ issuer, endpoint: request.url }, client, parts, tools);
  return { ...request, headers, body: form.toString() };
}

export interface CodeRedemption {
  tokenEndpoint: string;
  code: string;
  redirectUri: string;
  codeVerifier?: string;
  /** The profile's extra token parameters. */
  extra?: [string, string][];
}

/** RFC 6749 §4.1.3; RFC 7636 §4.5 adds the verifier. */
export const tokenRequest = (r: CodeRedemption): HttpRequest =>
  formPost(r.tokenEndpoint, [
    ['grant_type', 'authorization_code'],
    ['code', r.code],
    ['redirect_uri', r.redirectUri],
    ['code_verifier', r.codeVerifier || undefined],
    ...(r.extra ?? []),
  ]);

/** RFC 6749 §4.4.2: a token for the client itself, no user and no login window. */
export function clientCredentialsRequest(
  tokenEndpoint: string,
  scopes: string,
  extra: [string, string][] = [],
): HttpRequest {
  const scope = scopes.trim().replace(/\s+/g, ' ');
  return formPost(tokenEndpoint, [
    ['grant_type', 'client_credentials'],
    ['scope', scope || undefined],
    ...extra,
  ]);
}

/** RFC 6749 §6: a refresh, authenticated (by the transport) as the login's token request was. */
export const refreshRequest = (
  tokenEndpoint: string,
  refreshToken: string,
  extra: [string, string][] = [],
): HttpRequest =>
  formPost(tokenEndpoint, [['grant_type', 'refresh_token'], ['refresh_token', refreshToken], ...extra]);

export type TokenFields = Record<string, unknown>;

const isFields = (value: unknown): value is TokenFields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export interface TokenReading {
  /** The body, whenever it is a JSON object from a 2xx answer (kept even when it is unusable). */
  fields?: TokenFields;
  error?: FlowErrorInfo;
}

/** What a DPoP refusal of the token request means (RFC 9449 §8, §4.3), by its error code. */
const DPOP_HINTS: Partial<Record<string, 'hintDpopNonceLoop' | 'hintDpopProof'>> = {
  use_dpop_nonce: 'hintDpopNonceLoop',
  invalid_dpop_proof: 'hintDpopProof',
};

/**
 * Reads a token response (RFC 6749 §5.1 success, §5.2 error) and says what was wrong with it; the
 * raw body stays in the exchange for the inspector to show.
 */
export function readTokenResponse(
  exchange: Exchange,
  client: ClientCredentials,
  advertised?: unknown,
  options: RefusalOptions = {},
): TokenReading {
  const res = exchange.response;
  if (!res) {
    const failure = exchange.failure ?? { code: 'network' as const, ...say('tokenNoResponse') };
    return { error: failure.code === 'redirect' ? { code: 'redirect', ...say('tokenRedirect') } : failure };
  }
  if (res.status < 200 || res.status > 299) {
    let error = '';
    let description = '';
    // A non-JSON error body is shown raw by the inspector; the status says enough here.
    const body = parsedObject(res.body);
    if (body) {
      error = typeof body.error === 'string' ? body.error : '';
      description = typeof body.error_description === 'string' ? body.error_description : '';
    }
    // RFC 9449 §8, §4.3: a nonce asked for again after the retry (the transport retries once), a proof refused.
    const dpopHint = DPOP_HINTS[error];
    const hint = dpopHint
      ? sayHint(dpopHint)
      : exchangeRefusalHint(exchange, res, error, client, advertised, options);
    return {
      error: {
        code: 'token_http_error',
        ...say(
          'tokenHttp',
          `${res.status}${error ? `: ${error}` : ''}${description ? ` — ${description}` : ''}`,
        ),
        actual: String(res.status),
        ...hint,
      },
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(res.body);
  } catch (e) {
    // The engine's own words on where the JSON breaks: text we did not write, kept as it is.
    return { error: { code: 'token_not_json', ...say('tokenNotJson', messageOf(e)) } };
  }
  if (!isFields(value)) return { error: { code: 'token_not_json', ...say('tokenNotObject') } };
  const fields = value;
  if (typeof fields.access_token !== 'string' || fields.access_token === '') {
    return {
      fields,
      error: {
        code: 'token_invalid',
        ...say('tokenNoAccessToken'),
        ...(fields.access_token === undefined ? {} : { actual: JSON.stringify(fields.access_token) }),
      },
    };
  }
  return { fields };
}
