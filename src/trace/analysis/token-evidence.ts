import { say } from '../../core/i18n/say.ts';
import { base64url, type JSONWebKeySet, type JWK } from 'jose';
import { performExchange, type HttpDeps } from '../../core/protocol/http.ts';
import { originAndPath } from '../../core/protocol/params.ts';
import { jwksRequest, readJwks } from '../../core/protocol/jwks.ts';
import { issuerProblem } from '../../core/profile/profile.ts';
import { isLoopbackHost } from '../../core/protocol/url-rules.ts';
import { oidcCore, outcome, passIf, rfc, type Check, type Found } from '../../core/checks/check.ts';
import { verifySignature } from '../../core/checks/signature.ts';
import { CLOCK_TOLERANCE_S } from '../../core/checks/id-token-checks.ts';
import { discoveryRequest, parsedObject, readDiscovery } from '../../core/protocol/discovery.ts';
import { decodeToken } from '../../core/protocol/jwt.ts';
import type { LoginAttempt, Trace } from './attempts.ts';
import { bodyText, type HarEntry } from './har.ts';

/** A published key, as jose reads it (its members are checked where it is used). */
const isKey = (k: unknown): k is JWK => typeof k === 'object' && k !== null && !Array.isArray(k);

const SIGNATURE = {
  id: 'trace.signature',
  ...oidcCore('3.1.3.7', 'IDTokenValidation'),
};
const CLOCK = {
  id: 'trace.clock',
  ...oidcCore('3.1.3.7', 'IDTokenValidation'),
};

/**
 * The keys of every JWKS the HAR holds, by the URL (origin and path) that answered them. Only the
 * `jwks_uri` an issuer's discovery document names is trusted for that issuer's tokens.
 */
function keysByUrl(entries: HarEntry[]): Map<string, JWK[]> {
  const byUrl = new Map<string, JWK[]>();
  for (const e of entries) {
    // Only bodies that can be a JSON object are parsed: a big HAR is mostly scripts and images.
    const text = bodyText(e);
    if (!text?.trimStart().startsWith('{') || !text.includes('"keys"')) continue;
    const body = parsedObject(text);
    const keys: unknown = body?.keys;
    if (!Array.isArray(keys)) continue;
    const at = originAndPath(e.request.url);
    byUrl.set(at, [...(byUrl.get(at) ?? []), ...keys.filter(isKey)]);
  }
  return byUrl;
}

const VERIFIER = {
  id: 'trace.pkce_verifier',
  ...rfc(7636, '4.6'),
};

/** RFC 7636 §4.6: BASE64URL(SHA256(verifier)) is the challenge the authorization request sent. */
async function verifierCheck(pkce: LoginAttempt['evidence']['pkce']): Promise<Check> {
  if (!pkce) return outcome(VERIFIER, 'skip', say('exS256OfVerifier'), say('exNoVerifierInHar'));
  const digest = new Uint8Array(
    await crypto.subtle.digest('SHA-256', new TextEncoder().encode(pkce.verifier)),
  );
  return passIf(
    VERIFIER,
    base64url.encode(digest) === pkce.challenge,
    pkce.challenge,
    base64url.encode(digest),
  );
}

async function evidenceChecks(attempt: LoginAttempt, keys: Map<string, JWK[]>): Promise<Check[]> {
  const { jwksUri } = attempt.evidence;
  const trusted = jwksUri ? keys.get(originAndPath(jwksUri)) : undefined;
  const pkce = await verifierCheck(attempt.evidence.pkce);
  // A lone token request has no PKCE of its own to check.
  return [...(attempt.grant ? [] : [pkce]), ...(await tokenChecks(attempt, trusted && { keys: trusted }))];
}

async function tokenChecks(attempt: LoginAttempt, set: JSONWebKeySet | undefined): Promise<Check[]> {
  const token = attempt.evidence.idToken;
  const decoded = token ? decodeToken(token) : undefined;
  if (!token || decoded?.kind !== 'jwt')
    return [
      outcome(SIGNATURE, 'skip', say('exVerifiedSignature'), say('exNoSignedIdToken')),
      outcome(CLOCK, 'skip', say('exIatNearDate'), say('exNoSignedIdToken')),
    ];
  const signature =
    set || String(decoded.header.alg).startsWith('HS')
      ? await verifySignature(token, decoded.header, '', set ? () => Promise.resolve(set) : undefined)
      : { status: 'skip' as const, actual: say('exNoTrustedJwks') };
  const iat = decoded.claims.iat;
  const date = attempt.evidence.answeredAt ? Date.parse(attempt.evidence.answeredAt) / 1000 : NaN;
  const skew = typeof iat === 'number' && Number.isFinite(date) ? Math.round(iat - date) : undefined;
  // Keys recorded in the file are no proof: a crafted HAR can carry its own discovery document and
  // keys "from" the real issuer. A signature they verify is a warn; a pass needs keys fetched live.
  const inFile = signature.status === 'pass' && set !== undefined;
  return [
    outcome(
      SIGNATURE,
      inFile ? 'warn' : signature.status,
      say('exValidSignature'),
      inFile ? say('exVerifiedWithFileKeys', signature.actual) : signature.actual,
    ),
    skew === undefined
      ? outcome(CLOCK, 'skip', say('exWithin', CLOCK_TOLERANCE_S), say('exNoIatOrDate'))
      : outcome(
          CLOCK,
          Math.abs(skew) <= CLOCK_TOLERANCE_S ? 'pass' : 'warn',
          say('exWithin', CLOCK_TOLERANCE_S),
          `${skew} s`,
        ),
  ];
}

/** The checks that need keys or clocks, added to each attempt (signatures are async: kept apart). */
export async function withEvidence(trace: Trace, entries: HarEntry[]): Promise<Trace> {
  const keys = keysByUrl(entries);
  const attempts = await Promise.all(
    trace.attempts.map(async (a) => ({ ...a, checks: [...a.checks, ...(await evidenceChecks(a, keys))] })),
  );
  return { ...trace, attempts };
}

const FETCHED = {
  id: 'trace.signature_fetched',
  ...oidcCore('3.1.3.7', 'IDTokenValidation'),
};

/** The keys' check, or the loopback URL the person must confirm before anything is sent there. */
export type FetchedSignature = { check: Check } | { confirm: string };

/** Loopback is granted at install: no browser prompt stands between a crafted HAR and a local service. */
const onLoopback = (url: string) => {
  try {
    return isLoopbackHost(new URL(url).hostname);
  } catch {
    return false;
  }
};

/**
 * When the HAR holds no JWKS: the provider's, fetched now (the person allowed it) the way the run
 * fetches them (capped bodies, a timeout, the issuer's discovery document read and its endpoints held
 * to the URL rules), and the ID token checked against them. A failure is the check's, never thrown.
 * A request to a loopback address (the discovery document, or a `jwks_uri` it names) is sent only once
 * that exact URL is in `confirmed`; until then the answer is that URL, for the person to confirm.
 */
export async function fetchedSignature(
  idToken: string,
  issuer: string,
  http: HttpDeps,
  confirmed: readonly string[] = [],
): Promise<FetchedSignature> {
  // The page waits for an answer: whatever throws in here (a key jose cannot import) is the check's.
  return keysChecked(idToken, issuer, http, confirmed).catch((e: unknown) => ({
    check: outcome(FETCHED, 'skip', say('exValidSignature'), say('exKeysNotFetched', String(e))),
  }));
}

async function keysChecked(
  idToken: string,
  issuer: string,
  http: HttpDeps,
  confirmed: readonly string[],
): Promise<FetchedSignature> {
  const needs = (url: string) => onLoopback(url) && !confirmed.includes(url);
  const skip = (why: Found) => ({ check: outcome(FETCHED, 'skip', say('exValidSignature'), why) });
  const decoded = decodeToken(idToken);
  if (decoded.kind !== 'jwt') return skip(say('exNoSignedToken'));
  const unusable = issuerProblem(issuer);
  if (unusable) return skip(unusable);
  const asked = discoveryRequest(issuer);
  if (needs(asked.url)) return { confirm: asked.url };
  const discovery = readDiscovery(await performExchange(asked, http, 'discovery'), issuer);
  if (discovery.status === 'unavailable') return skip(say('exKeysNotFetched', discovery.reason));
  if (discovery.status === 'mismatch')
    return skip(say('discoveryMismatch', discovery.actual, discovery.expected));
  if (discovery.status === 'redirected') return skip(say('discoveryRedirected', discovery.url));
  if (discovery.problems[0]) return skip(discovery.problems[0]);
  const jwksUri = discovery.server.endpoints.jwks;
  if (!jwksUri) return skip(say('exNoJwksUriPublished'));
  if (needs(jwksUri)) return { confirm: jwksUri };
  const set = readJwks(await performExchange(jwksRequest(jwksUri), http, 'jwks'));
  if ('error' in set)
    return { check: outcome(FETCHED, 'fail', say('exJwks'), say('sigJwksError', set.error)) };
  const result = await verifySignature(idToken, decoded.header, '', () => Promise.resolve(set));
  return {
    check: outcome(
      FETCHED,
      result.status,
      say('exValidSignature'),
      say('exKeysFrom', result.actual, jwksUri),
    ),
  };
}
