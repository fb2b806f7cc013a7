/** Client authentication (RFC 6749 §2.3): who the client is, and how a request proves it. */
import { CLIENT_AUTH_METHODS, type ClientAuthMethod, type Profile } from '../profile/profile.ts';
import type { ClientCredential, KeyCredential } from './credential.ts';
import type { RandomBytes } from './random.ts';
import { assertionClaims, JWT_BEARER, signedWithKey, signedWithSecret } from './assertion.ts';

export {
  credentialFor,
  keyCredential,
  secretCredential,
  type ClientCredential,
  type KeyCredential,
} from './credential.ts';

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
  /** Absent: a public client, which proves nothing (PKCE binds its code). */
  credential?: ClientCredential;
  /** Default: client_secret_basic with a secret, none without a credential. */
  method?: ClientAuthMethod;
  /** For client_secret_basic: form-urlencode first (default, RFC 6749 §2.3.1). */
  encodeBasic?: boolean;
  /** For an assertion: its `aud` is the endpoint's URL rather than the issuer (the default). */
  audience?: 'endpoint';
}

/** The client's secret, or '' when it proves itself otherwise (or not at all). */
export const secretOf = (client: ClientCredentials): string =>
  client.credential?.kind === 'secret' ? client.credential.secret : '';

/** The methods that send the client secret, or a MAC keyed by it: none can start without one. */
export const usesSecret = (method: ClientAuthMethod | undefined): boolean =>
  method === 'client_secret_basic' || method === 'client_secret_post' || method === 'client_secret_jwt';

/** The methods that send a signed JWT about the client (RFC 7523 §2.2). */
export const isAssertion = (method: ClientAuthMethod): boolean =>
  method === 'client_secret_jwt' || method === 'private_key_jwt';

/** The method actually used: a secret-based one without a credential is a public client. */
export const authMethodOf = (client: ClientCredentials): ClientAuthMethod =>
  client.credential === undefined ? 'none' : (client.method ?? 'client_secret_basic');

/** The client's credentials as a profile sets them up, with the credential kept apart from it. */
export const clientOf = (profile: Profile, credential: ClientCredential | undefined): ClientCredentials => ({
  clientId: profile.clientId,
  ...(credential ? { credential } : {}),
  ...(profile.clientAuth ? { method: profile.clientAuth } : {}),
  ...(profile.encodeBasic === false ? { encodeBasic: false } : {}),
  ...(profile.assertionAudience === 'endpoint' ? { audience: 'endpoint' as const } : {}),
});

/** A request being built, as far as a client authentication strategy (or, later, a DPoP proof) adds to it. */
export interface RequestParts {
  headers: Record<string, string>;
  form: URLSearchParams;
}

/** Where the request goes: the endpoint, and the issuer it belongs to (an assertion's audience). */
export interface AuthTarget {
  issuer: string;
  endpoint: string;
}

/**
 * What a strategy may use besides the request: a clock and a random source (an assertion's `iat`, `jti`),
 * and the private key a key credential names (the worker's key store; it refuses a key not on this device).
 */
export interface AuthTools {
  now: () => number;
  random: RandomBytes;
  signingKey?: (key: KeyCredential) => Promise<CryptoKey>;
}

/**
 * How a request proves the client (RFC 6749 §2.3): one strategy per method, applied to the request
 * it answers. Async: a strategy may await a signature (`private_key_jwt`, RFC 7523 §2.2).
 */
export type ClientAuthentication = (
  target: AuthTarget,
  client: ClientCredentials,
  request: RequestParts,
  tools: AuthTools,
) => Promise<RequestParts>;

/** A secret-based strategy's secret; asked of a client that holds a key instead, it refuses to send. */
function secretFor(client: ClientCredentials, method: ClientAuthMethod): string {
  if (client.credential?.kind !== 'secret') throw new ClientAuthError(method);
  return client.credential.secret;
}

/** A key-based strategy's key; asked of a client that holds a secret (or nothing), it refuses to send. */
function keyFor(client: ClientCredentials): KeyCredential {
  if (client.credential?.kind !== 'key') throw new ClientAuthError('private_key_jwt');
  return client.credential;
}

/** A method the client's credential cannot serve (a secret-based method for a key, or the reverse): nothing is sent. */
export class ClientAuthError extends Error {
  constructor(readonly method: ClientAuthMethod) {
    super(`${method} needs ${method === 'private_key_jwt' ? 'a client key' : 'a client secret'}`);
  }
}

/** An assertion's audience (RFC 7523 §3): the issuer identifier, or the endpoint's URL when the client says so. */
const audienceOf = (t: AuthTarget, c: ClientCredentials) =>
  c.audience === 'endpoint' ? t.endpoint : t.issuer;

const assertionPairs = (c: ClientCredentials, assertion: string): [string, string][] => [
  ['client_id', c.clientId],
  ['client_assertion_type', JWT_BEARER],
  ['client_assertion', assertion],
];

/** A strategy that needs no signature settles at once (a refusal as a rejected promise, like a signer's). */
const settled = <T>(work: () => T): Promise<T> => new Promise<T>((resolve) => resolve(work()));

const withHeader = (r: RequestParts, name: string, value: string): RequestParts => ({
  ...r,
  headers: { ...r.headers, [name]: value },
});

const withForm = (r: RequestParts, pairs: [string, string][]): RequestParts => {
  const form = new URLSearchParams(r.form);
  for (const [k, v] of pairs) form.set(k, v);
  return { ...r, form };
};

/**
 * Every method the tool speaks, keyed by its `token_endpoint_auth_method` name: a method added to
 * `CLIENT_AUTH_METHODS` without its strategy here does not compile (`private_key_jwt` comes as one more).
 */
export const CLIENT_AUTHENTICATION: Record<ClientAuthMethod, ClientAuthentication> = {
  // §2.3.1: the credentials in HTTP Basic, form-urlencoded first unless the client says otherwise.
  client_secret_basic: (_t, c, r) =>
    settled(() =>
      withHeader(
        r,
        'authorization',
        basicAuthorization(c.clientId, secretFor(c, 'client_secret_basic'), c.encodeBasic !== false),
      ),
    ),
  // §2.3.1: the credentials in the body.
  client_secret_post: (_t, c, r) =>
    settled(() =>
      withForm(r, [
        ['client_id', c.clientId],
        ['client_secret', secretFor(c, 'client_secret_post')],
      ]),
    ),
  // OIDC Core §9, RFC 7523 §2.2: a short-lived JWT about the client, signed with its secret (HS256).
  client_secret_jwt: async (t, c, r, tools) =>
    withForm(
      r,
      assertionPairs(
        c,
        await signedWithSecret(
          assertionClaims(c.clientId, audienceOf(t, c), tools),
          secretFor(c, 'client_secret_jwt'),
        ),
      ),
    ),
  // OIDC Core §9, RFC 7523 §2.2: the same JWT signed with the client's private key, its `kid` in the header.
  private_key_jwt: async (t, c, r, tools) => {
    const key = keyFor(c);
    if (!tools.signingKey) throw new ClientAuthError('private_key_jwt');
    const claims = assertionClaims(c.clientId, audienceOf(t, c), tools);
    return withForm(r, assertionPairs(c, await signedWithKey(claims, key, await tools.signingKey(key))));
  },
  // §2.3, §3.2.1: a public client names itself and proves nothing (PKCE does that for the code).
  none: (_t, c, r) => settled(() => withForm(r, [['client_id', c.clientId]])),
};

/** `request` with the client's authentication applied by the strategy of the method it uses. */
export const authenticate = (
  target: AuthTarget,
  client: ClientCredentials,
  request: RequestParts,
  tools: AuthTools,
): Promise<RequestParts> => CLIENT_AUTHENTICATION[authMethodOf(client)](target, client, request, tools);

/** The methods in `token_endpoint_auth_methods_supported` the tool speaks, other than `used`. */
export const otherAdvertisedMethods = (used: ClientAuthMethod, advertised: unknown): ClientAuthMethod[] =>
  (Array.isArray(advertised) ? advertised : []).filter(
    (m): m is ClientAuthMethod => CLIENT_AUTH_METHODS.some((known) => known === m) && m !== used,
  );

/** One way the client proved itself: its method, and for Basic whether the credential was form-urlencoded. */
export interface ClientAttempt {
  method: ClientAuthMethod;
  encodeBasic?: false;
  /** For an assertion sent to its endpoint's URL rather than the issuer. */
  audience?: 'endpoint';
}

/** The attempt a request with `client` makes, as a run remembers it when the provider refuses it. */
export const attemptOf = (client: ClientCredentials): ClientAttempt => {
  const method = authMethodOf(client);
  if (method === 'client_secret_basic' && client.encodeBasic === false) return { method, encodeBasic: false };
  if (isAssertion(method) && client.audience === 'endpoint') return { method, audience: 'endpoint' };
  return { method };
};

/** Whether the provider refused Basic both ways (form-urlencoded and raw) among `attempts`. */
export const basicRefusedBothWays = (attempts: ClientAttempt[]): boolean =>
  [true, false].every((encoded) =>
    attempts.some((a) => a.method === 'client_secret_basic' && (a.encodeBasic !== false) === encoded),
  );
