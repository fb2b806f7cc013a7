import type { FlowErrorInfo } from './flow-error.ts';
import type { Exchange, HttpRequest } from './http.ts';

/** application/x-www-form-urlencoded serialisation of one value (spaces become `+`). */
export function formEncode(value: string): string {
  return new URLSearchParams({ v: value }).toString().slice(2);
}

/** RFC 6749 §2.3.1: client_id and secret are form-urlencoded, joined by ':', then base64-encoded. */
export function basicAuthorization(clientId: string, secret: string): string {
  return `Basic ${btoa(`${formEncode(clientId)}:${formEncode(secret)}`)}`;
}

/** Who the client is: with a secret, HTTP Basic (client_secret_basic); without, a public client. */
export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

/**
 * A form POST to one of the provider's client-authenticated endpoints (token, revocation,
 * introspection): RFC 6749 §2.3.1 Basic credentials, or `client_id` in the body for a public
 * client (§2.3, §3.2.1). Never follows a redirect: the credentials go to this URL or nowhere.
 */
export function authenticatedPost(
  url: string,
  params: [string, string][],
  client: ClientCredentials,
): HttpRequest {
  const body = new URLSearchParams(params);
  if (client.clientSecret === '') body.set('client_id', client.clientId);
  return {
    method: 'POST',
    url,
    noRedirects: true,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
      ...(client.clientSecret === ''
        ? {}
        : { authorization: basicAuthorization(client.clientId, client.clientSecret) }),
    },
    body: body.toString(),
  };
}

export interface CodeRedemption extends ClientCredentials {
  tokenEndpoint: string;
  code: string;
  redirectUri: string;
  codeVerifier?: string;
}

/** RFC 6749 §4.1.3 with client_secret_basic; RFC 7636 §4.5 adds the verifier. */
export function tokenRequest(r: CodeRedemption): HttpRequest {
  return authenticatedPost(
    r.tokenEndpoint,
    [
      ['grant_type', 'authorization_code'],
      ['code', r.code],
      ['redirect_uri', r.redirectUri],
      ...(r.codeVerifier ? [['code_verifier', r.codeVerifier] as [string, string]] : []),
    ],
    r,
  );
}

/** RFC 6749 §6: a refresh, authenticated as the login's token request was. */
export function refreshRequest(
  tokenEndpoint: string,
  refreshToken: string,
  client: ClientCredentials,
): HttpRequest {
  return authenticatedPost(
    tokenEndpoint,
    [
      ['grant_type', 'refresh_token'],
      ['refresh_token', refreshToken],
    ],
    client,
  );
}

export type TokenFields = Record<string, unknown>;

/** A secret whose form-urlencoding differs from itself: some servers wrongly skip the decoding. */
export function secretNeedsEncoding(secret: string): boolean {
  return formEncode(secret) !== secret;
}

function parseObject(body: string): TokenFields {
  const value: unknown = JSON.parse(body);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SyntaxError('the body is JSON but not an object');
  }
  return value as TokenFields;
}

export interface TokenReading {
  /** The body, whenever it is a JSON object from a 2xx answer (kept even when it is unusable). */
  fields?: TokenFields;
  error?: FlowErrorInfo;
}

/**
 * Reads a token response (RFC 6749 §5.1 success, §5.2 error) and says what was wrong with it; the
 * raw body stays in the exchange for the inspector to show.
 */
export function readTokenResponse(exchange: Exchange, clientSecret: string): TokenReading {
  const res = exchange.response;
  if (!res) {
    const failure = exchange.failure ?? {
      code: 'network' as const,
      message: 'The token endpoint gave no response.',
    };
    const message =
      failure.code === 'redirect'
        ? 'The token endpoint answered with a redirect, which was not followed: the code and the client credentials were not sent to its target.'
        : failure.message;
    return { error: { code: failure.code, message } };
  }
  if (res.status < 200 || res.status > 299) {
    let error = '';
    let description = '';
    try {
      const body = parseObject(res.body);
      error = typeof body.error === 'string' ? body.error : '';
      description = typeof body.error_description === 'string' ? body.error_description : '';
    } catch {
      // A non-JSON error body is shown raw by the inspector; the status says enough here.
    }
    const hint =
      error === 'invalid_client' && secretNeedsEncoding(clientSecret)
        ? 'The secret holds characters that RFC 6749 §2.3.1 has us form-urlencode before base64; some servers expect the secret un-encoded.'
        : undefined;
    return {
      error: {
        code: 'token_http_error',
        message: `The token endpoint answered HTTP ${res.status}${error ? `: ${error}` : ''}${description ? ` — ${description}` : ''}`,
        actual: String(res.status),
        ...(hint ? { hint } : {}),
      },
    };
  }
  let fields: TokenFields;
  try {
    fields = parseObject(res.body);
  } catch (e) {
    return {
      error: {
        code: 'token_not_json',
        message: `The token response is not valid JSON: ${(e as Error).message}. The raw body is shown below.`,
      },
    };
  }
  if (typeof fields.access_token !== 'string' || fields.access_token === '') {
    return {
      fields,
      error: {
        code: 'token_invalid',
        message: 'The token response has no access_token string (RFC 6749 §5.1 requires one).',
        actual: JSON.stringify(fields.access_token) ?? '(missing)',
      },
    };
  }
  return { fields };
}
