/** Client authentication (RFC 6749 §2.3): who the client is, and how a request proves it. */
import { CLIENT_AUTH_METHODS, type ClientAuthMethod, type Profile } from '../profile/profile.ts';

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

/** A request being built, as far as a client authentication strategy (or, later, a DPoP proof) adds to it. */
export interface RequestParts {
  headers: Record<string, string>;
  form: URLSearchParams;
}

/** How a request proves the client (RFC 6749 §2.3): one strategy per method, applied to the request. */
export type ClientAuthentication = (request: RequestParts, client: ClientCredentials) => void;

/**
 * Every method the tool speaks, keyed by its `token_endpoint_auth_method` name: a method added to
 * `CLIENT_AUTH_METHODS` without its strategy here does not compile (`private_key_jwt` comes as one more).
 */
export const CLIENT_AUTHENTICATION: Record<ClientAuthMethod, ClientAuthentication> = {
  // §2.3.1: the credentials in HTTP Basic, form-urlencoded first unless the client says otherwise.
  client_secret_basic: ({ headers }, c) => {
    headers.authorization = basicAuthorization(c.clientId, c.clientSecret, c.encodeBasic !== false);
  },
  // §2.3.1: the credentials in the body.
  client_secret_post: ({ form }, c) => {
    form.set('client_id', c.clientId);
    form.set('client_secret', c.clientSecret);
  },
  // §2.3, §3.2.1: a public client names itself and proves nothing (PKCE does that for the code).
  none: ({ form }, c) => {
    form.set('client_id', c.clientId);
  },
};

/** The methods in `token_endpoint_auth_methods_supported` the tool speaks, other than `used`. */
export const otherAdvertisedMethods = (used: ClientAuthMethod, advertised: unknown): ClientAuthMethod[] =>
  (Array.isArray(advertised) ? advertised : []).filter(
    (m): m is ClientAuthMethod => CLIENT_AUTH_METHODS.includes(m as ClientAuthMethod) && m !== used,
  );

/** One way the client proved itself: its method, and for Basic whether the credential was form-urlencoded. */
export interface ClientAttempt {
  method: ClientAuthMethod;
  encodeBasic?: false;
}

/** The attempt a request with `client` makes, as a run remembers it when the provider refuses it. */
export const attemptOf = (client: ClientCredentials): ClientAttempt => {
  const method = authMethodOf(client);
  return method === 'client_secret_basic' && client.encodeBasic === false
    ? { method, encodeBasic: false }
    : { method };
};

/** Whether the provider refused Basic both ways (form-urlencoded and raw) among `attempts`. */
export const basicRefusedBothWays = (attempts: ClientAttempt[]): boolean =>
  [true, false].every((encoded) =>
    attempts.some((a) => a.method === 'client_secret_basic' && (a.encodeBasic !== false) === encoded),
  );
