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

/** The methods in `token_endpoint_auth_methods_supported` the tool speaks, other than `used`. */
export const otherAdvertisedMethods = (used: ClientAuthMethod, advertised: unknown): ClientAuthMethod[] =>
  (Array.isArray(advertised) ? advertised : []).filter(
    (m): m is ClientAuthMethod => CLIENT_AUTH_METHODS.includes(m as ClientAuthMethod) && m !== used,
  );
