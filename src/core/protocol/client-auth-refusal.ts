import { carriesCredentials, type HttpRequest, type HttpResponse } from './http.ts';
import { say, sayHint, type Said } from '../i18n/say.ts';
import {
  attemptOf,
  authMethodOf,
  basicRefusedBothWays,
  formEncode,
  isAssertion,
  otherAdvertisedMethods,
  secretOf,
  type ClientAttempt,
  type ClientCredentials,
} from './client-auth.ts';

/** RFC 6749 §5.2's error codes (and RFC 7009's, RFC 6750's): anything else is the provider's own. */
const RFC6749_ERRORS = new Set([
  'unsupported_token_type',
  'invalid_token',
  'invalid_request',
  'invalid_client',
  'invalid_grant',
  'unauthorized_client',
  'unsupported_grant_type',
  'invalid_scope',
]);

/** What a refusal's body said, as far as it can be read. */
export interface Refusal {
  status: number;
  error: string;
  empty: boolean;
}

/**
 * Whether a refusal of a request that carried client credentials may be about them: 401 or 403, or a
 * 400 with `invalid_client`, `unauthorized_client` or no body at all (real servers answer all of these).
 */
export const refusesClient = (r: Refusal): boolean =>
  r.status === 401 ||
  r.status === 403 ||
  (r.status === 400 && (r.empty || r.error === 'invalid_client' || r.error === 'unauthorized_client'));

/** What the request knew: a refresh, and what this provider refused earlier in the same chain of retries. */
export interface RefusalOptions {
  refresh?: boolean;
  refusedBefore?: ClientAttempt[];
  /** When the request left (epoch ms): beside the provider's `Date`, whether the clocks disagree. */
  sentAt?: number;
  /** The provider's `Date` header on its refusal. */
  providerDate?: string;
  /** Discovery's `token_endpoint_auth_signing_alg_values_supported`, as it came. */
  assertionAlgs?: unknown;
}

/** RFC 7523 §3, OIDC Registration §2: an assertion's algorithm the provider may not take for this client. */
function algorithmCause(alg: string, advertised: unknown): Said {
  const algs = Array.isArray(advertised) ? advertised.filter((a): a is string => typeof a === 'string') : [];
  return algs.length && !algs.includes(alg)
    ? say('causeAlgNotAdvertised', alg, algs.join(', '))
    : say('causeAlg', alg);
}

/** How far apart the clocks may be before an assertion's `iat` and `exp` are in doubt (its life is 60 s). */
const CLOCK_SKEW_MS = 30_000;

/** RFC 7523 §3: an assertion the provider reads with its own clock; its `Date` and ours, when they disagree. */
function clockCause(options: RefusalOptions): Said | undefined {
  const theirs = options.providerDate ? Date.parse(options.providerDate) : NaN;
  if (options.sentAt === undefined || Number.isNaN(theirs)) return undefined;
  if (Math.abs(theirs - options.sentAt) <= CLOCK_SKEW_MS) return undefined;
  return say('causeClock', options.providerDate!, new Date(options.sentAt).toUTCString());
}

/** The characters of `text` that form-urlencoding changes, each once, as `"+"`. */
export const encodingChanges = (text: string): string[] =>
  [...new Set([...text].filter((ch) => formEncode(ch) !== ch))].map((ch) => JSON.stringify(ch));

/** Causes joined in order: "a; b; c". */
const inTurn = (causes: Said[]): Said => causes.reduceRight((rest, cause) => say('causeThen', cause, rest));

/** What the standard expects where this answer differs from it (RFC 6749 §5.2), if it does. */
export function standardNote(r: Refusal, carriedCredentials: boolean): Said | undefined {
  if (r.empty) return say('standardEmptyBody', r.status);
  if (r.status === 403 && carriedCredentials) return say('standardForbidden');
  if (r.error && !RFC6749_ERRORS.has(r.error)) return say('standardOwnCode', r.error);
  return undefined;
}

/**
 * The likely causes of a refusal of the client's credentials, most likely first: the refresh token
 * (for a refresh), a wrong secret, the provider comparing the Basic credential raw (or encoded) when the
 * tool did the other (said only when the ID or secret holds characters that encoding changes), the
 * method not allowed for this client (naming the ones discovery advertises).
 */
export function clientAuthCauses(
  client: ClientCredentials,
  advertised: unknown,
  options: RefusalOptions = {},
): Said[] {
  const used = authMethodOf(client);
  const causes: Said[] = [];
  if (options.refresh) causes.push(say('causeRefreshRefused'));
  // Refused both ways: a provider that splits the decoded credential at every ':' (and never
  // form-decodes it) cannot read a secret holding one in Basic at all.
  const bothWays =
    used === 'client_secret_basic' &&
    basicRefusedBothWays([...(options.refusedBefore ?? []), attemptOf(client)]);
  if (bothWays && (client.clientId + secretOf(client)).includes(':')) causes.push(say('causeColonSplit'));
  const key = client.credential?.kind === 'key' ? client.credential : undefined;
  // OIDC Core §9: the provider checks the signature with the client's registered public key.
  if (key) causes.push(say('causeKeyNotHeld', key.kid));
  else if (used !== 'none') causes.push(say('causeWrongSecret'));
  if (isAssertion(used)) {
    // RFC 7523 §3: `aud` identifies the provider; some take only their issuer, some only the endpoint.
    causes.push(say(client.audience === 'endpoint' ? 'causeAudienceIssuer' : 'causeAudienceEndpoint'));
    causes.push(algorithmCause(key?.alg ?? 'HS256', options.assertionAlgs));
    const clock = clockCause(options);
    if (clock) causes.push(clock);
  }
  if (used === 'client_secret_basic' && !bothWays) {
    const changed = encodingChanges(client.clientId + secretOf(client));
    if (changed.length)
      causes.push(
        say(client.encodeBasic === false ? 'causeEncodedBasic' : 'causeRawBasic', changed.join(', ')),
      );
  }
  const others = otherAdvertisedMethods(used, advertised);
  causes.push(
    others.length ? say('causeMethodOthers', used, say('listOr', ...others)) : say('causeMethod', used),
  );
  return causes;
}

/**
 * The hint of a refusal of a request that authenticated the client (token, pushed request), read off
 * its exchange: when it left, the provider's `Date`, and whether it carried the client's credentials.
 */
export const exchangeRefusalHint = (
  exchange: { request: HttpRequest; startedAt: number },
  response: HttpResponse,
  error: string,
  client: ClientCredentials,
  advertised: unknown,
  options: RefusalOptions,
): ReturnType<typeof refusalHint> =>
  refusalHint(response, error, client, advertised, {
    ...options,
    sentAt: exchange.startedAt,
    ...(response.headers.date ? { providerDate: response.headers.date } : {}),
    carriedCredentials: carriesCredentials(exchange.request),
  });

/** The hint of a refusal: what the standard expects, then the likely causes in order. */
export function refusalHint(
  response: HttpResponse,
  error: string,
  client: ClientCredentials,
  advertised: unknown,
  options: RefusalOptions & { carriedCredentials: boolean },
): ReturnType<typeof sayHint> | undefined {
  const refusal = { status: response.status, error, empty: response.body.trim() === '' };
  // RFC 6749 §5.2: the refresh token is not valid (RFC 9700 §4.14.2 on rotation and reuse).
  if (options.refresh && error === 'invalid_grant') return sayHint('hintRefreshInvalidGrant');
  const note = standardNote(refusal, options.carriedCredentials);
  const causes =
    options.carriedCredentials && refusesClient(refusal) ? clientAuthCauses(client, advertised, options) : [];
  if (causes.length && note) return sayHint('hintStandardAndCauses', note, inTurn(causes));
  if (causes.length) return sayHint('hintCauses', inTurn(causes));
  return note ? sayHint('hintStandard', note) : undefined;
}
