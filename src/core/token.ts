import type { FlowErrorInfo } from './flow-error.ts';
import type { Exchange, HttpRequest } from './http.ts';
import { CLIENT_AUTH_METHODS, type ClientAuthMethod, type Profile } from './profile.ts';
import { say, sayHint } from './say.ts';

/** application/x-www-form-urlencoded serialisation of one value (spaces become `+`). */
export function formEncode(value: string): string {
  return new URLSearchParams({ v: value }).toString().slice(2);
}

const base64 = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text)));

/**
 * RFC 6749 §2.3.1: client_id and secret are form-urlencoded, joined by ':', then base64-encoded.
 * `encode: false` leaves them raw (UTF-8), for servers that skip the decoding.
 */
export function basicAuthorization(clientId: string, secret: string, encode = true): string {
  return encode
    ? `Basic ${base64(`${formEncode(clientId)}:${formEncode(secret)}`)}`
    : `Basic ${base64(`${clientId}:${secret}`)}`;
}

/** Who the client is and how it proves it (RFC 6749 §2.3). */
export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
  /** Default: client_secret_basic with a secret, none without one. */
  method?: ClientAuthMethod;
  /** For client_secret_basic: form-urlencode first (default, RFC 6749 §2.3.1). */
  encodeBasic?: boolean;
}

/** The method actually used: a secret-based one without a secret is a public client. */
export const authMethodOf = (client: ClientCredentials): ClientAuthMethod =>
  client.clientSecret === '' ? 'none' : (client.method ?? 'client_secret_basic');

/** The client's credentials as a profile sets them up. */
export const clientOf = (profile: Profile, clientSecret: string): ClientCredentials => ({
  clientId: profile.clientId,
  clientSecret,
  ...(profile.clientAuth ? { method: profile.clientAuth } : {}),
  ...(profile.encodeBasic === false ? { encodeBasic: false } : {}),
});

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
  const method = authMethodOf(client);
  if (method !== 'client_secret_basic') body.set('client_id', client.clientId);
  if (method === 'client_secret_post') body.set('client_secret', client.clientSecret);
  const basic: Record<string, string> =
    method === 'client_secret_basic'
      ? {
          authorization: basicAuthorization(
            client.clientId,
            client.clientSecret,
            client.encodeBasic !== false,
          ),
        }
      : {};
  return {
    method: 'POST',
    url,
    noRedirects: true,
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', ...basic },
    body: body.toString(),
  };
}

export interface CodeRedemption extends ClientCredentials {
  tokenEndpoint: string;
  code: string;
  redirectUri: string;
  codeVerifier?: string;
  /** The profile's extra token parameters. */
  extra?: [string, string][];
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
      ...(r.extra ?? []),
    ],
    r,
  );
}

/** RFC 6749 §4.4.2: a token for the client itself, no user and no login window. */
export function clientCredentialsRequest(
  tokenEndpoint: string,
  scopes: string,
  client: ClientCredentials,
  extra: [string, string][] = [],
): HttpRequest {
  const scope = scopes.trim().replace(/\s+/g, ' ');
  return authenticatedPost(
    tokenEndpoint,
    [
      ['grant_type', 'client_credentials'],
      ...(scope ? [['scope', scope] as [string, string]] : []),
      ...extra,
    ],
    client,
  );
}

/** RFC 6749 §6: a refresh, authenticated as the login's token request was. */
export function refreshRequest(
  tokenEndpoint: string,
  refreshToken: string,
  client: ClientCredentials,
  extra: [string, string][] = [],
): HttpRequest {
  return authenticatedPost(
    tokenEndpoint,
    [['grant_type', 'refresh_token'], ['refresh_token', refreshToken], ...extra],
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

/**
 * What to try after `invalid_client`: the methods the provider advertises
 * (`token_endpoint_auth_methods_supported`) other than the one used, and an un-encoded Basic
 * credential when the secret holds characters the encoding changes.
 */
/** The methods in `token_endpoint_auth_methods_supported` the tool speaks, other than `used`. */
export const otherAdvertisedMethods = (used: ClientAuthMethod, advertised: unknown): ClientAuthMethod[] =>
  (Array.isArray(advertised) ? advertised : []).filter(
    (m): m is ClientAuthMethod => CLIENT_AUTH_METHODS.includes(m as ClientAuthMethod) && m !== used,
  );

export function invalidClientHint(
  client: ClientCredentials,
  advertised: unknown,
): ReturnType<typeof sayHint> | undefined {
  const used = authMethodOf(client);
  const others = otherAdvertisedMethods(used, advertised);
  const encoded =
    used === 'client_secret_basic' &&
    client.encodeBasic !== false &&
    secretNeedsEncoding(client.clientSecret);
  if (others.length && encoded) return sayHint('hintOtherMethodsAndEncoding', others.join(', '), used);
  if (others.length) return sayHint('hintOtherMethods', others.join(', '), used);
  return encoded ? sayHint('hintEncoding') : undefined;
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
export function readTokenResponse(
  exchange: Exchange,
  client: ClientCredentials,
  advertised?: unknown,
): TokenReading {
  const res = exchange.response;
  if (!res) {
    const failure = exchange.failure ?? { code: 'network' as const, ...say('tokenNoResponse') };
    return { error: failure.code === 'redirect' ? { code: 'redirect', ...say('tokenRedirect') } : failure };
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
    const hint = error === 'invalid_client' ? invalidClientHint(client, advertised) : undefined;
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
  let fields: TokenFields;
  try {
    fields = parseObject(res.body);
  } catch (e) {
    return {
      error: {
        code: 'token_not_json',
        ...say('tokenNotJson', (e as Error).message),
      },
    };
  }
  if (typeof fields.access_token !== 'string' || fields.access_token === '') {
    return {
      fields,
      error: {
        code: 'token_invalid',
        ...say('tokenNoAccessToken'),
        actual: JSON.stringify(fields.access_token) ?? '(missing)',
      },
    };
  }
  return { fields };
}
