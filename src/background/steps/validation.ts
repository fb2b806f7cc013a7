import type { JSONWebKeySet } from 'jose';
import type { Said } from '../../core/i18n/say.ts';
import { accessTokenChecks } from '../../core/checks/access-token-checks.ts';
import { idTokenChecks } from '../../core/checks/id-token-checks.ts';
import { fapiChecks } from '../../core/checks/fapi-checks.ts';
import type { JwksSource } from '../../core/checks/signature.ts';
import type { Check } from '../../core/checks/check.ts';
import { extraParam } from '../../core/protocol/extra-params.ts';
import type { Exchange } from '../../core/protocol/http.ts';
import { send } from '../transport.ts';
import { jwksRequest, readJwks } from '../../core/protocol/jwks.ts';
import type { Run } from '../../core/run/run.ts';
import type { RunWriter } from '../flows/runner.ts';
import type { WorkerDeps } from '../deps.ts';

export interface TokensToValidate {
  idToken: string | undefined;
  accessToken: string | undefined;
  clientSecret: string;
  /** The ID token algorithms the provider publishes (Discovery §3), when it does. */
  algsSupported: string[] | undefined;
  /** The JWKS fetched during the login, used first when it answered. */
  prefetchedJwks?: Promise<Exchange> | undefined;
}

/**
 * The provider's JWKS: the one fetched during the login when it answered, else fetched when first
 * needed; again only when asked (an unknown `kid`). Every fetch is recorded.
 */
export function jwksSource(
  jwksUri: string,
  exchanges: Exchange[],
  deps: WorkerDeps,
  prefetched: Promise<Exchange> | undefined,
): JwksSource {
  let cached: JSONWebKeySet | { error: Said } | undefined;
  return async (refresh) => {
    if (cached && !refresh) return cached;
    const early = !refresh && !cached && prefetched ? await prefetched : undefined;
    const usable = early && !('error' in readJwks(early)) ? early : undefined;
    if (early) exchanges.push(early);
    const role = exchanges.some((ex) => ex.role === 'jwks') ? 'jwks-again' : 'jwks';
    const exchange = usable ?? (await send(deps, jwksRequest(jwksUri), { role })).exchange;
    if (exchange !== early) exchanges.push(exchange);
    cached = readJwks(exchange);
    return cached;
  };
}

/** `max_age` and `acr_values` as the profile's extra authorize parameters sent them. */
function requestedAuth(run: Run): { maxAge?: number; acrValues?: string[] } {
  const maxAge = Number(extraParam(run.profile.extraAuthorize, 'max_age'));
  const acr = extraParam(run.profile.extraAuthorize, 'acr_values');
  return {
    ...(Number.isFinite(maxAge) && extraParam(run.profile.extraAuthorize, 'max_age') !== undefined
      ? { maxAge }
      : {}),
    ...(acr ? { acrValues: acr.split(/\s+/).filter(Boolean) } : {}),
  };
}

/**
 * ID token checks (OIDC Core §3.1.3.7) and access token checks (RFC 9068) for tokens of `run`;
 * JWKS fetches are appended to `exchanges`. `nonce` is the one the login sent, when it is expected.
 */
export async function tokenChecks(
  run: Run,
  tokens: TokensToValidate,
  exchanges: Exchange[],
  deps: WorkerDeps,
  nonce: string | undefined,
): Promise<Check[]> {
  const jwksUri = run.profile.endpoints.jwks;
  const jwks = jwksUri ? jwksSource(jwksUri, exchanges, deps, tokens.prefetchedJwks) : undefined;
  const idChecks = tokens.idToken
    ? await idTokenChecks(tokens.idToken, {
        issuer: run.profile.issuer,
        clientId: run.profile.clientId,
        clientSecret: tokens.clientSecret,
        ...(nonce ? { nonce } : {}),
        ...(tokens.accessToken ? { accessToken: tokens.accessToken } : {}),
        ...(tokens.algsSupported ? { algsSupported: tokens.algsSupported } : {}),
        ...(jwks ? { jwks } : {}),
        nowSeconds: Math.floor(deps.now() / 1000),
        ...requestedAuth(run),
      })
    : [];
  const accessChecks = tokens.accessToken
    ? await accessTokenChecks(tokens.accessToken, jwks, {
        issuer: run.profile.issuer,
        clientId: run.profile.clientId,
        nowSeconds: Math.floor(deps.now() / 1000),
      })
    : [];
  return [...idChecks, ...accessChecks];
}

/** The validation step: the checks of the login's tokens, with the JWKS fetches they needed. */
export async function validation(w: RunWriter, tokens: TokensToValidate): Promise<void> {
  const exchanges: Exchange[] = [];
  const tokenResults = await tokenChecks(w.run, tokens, exchanges, w.deps, w.run.flight?.nonce);
  // The FAPI 2.0 group, when the profile asks: the whole login against the profile (design.md "Checks").
  const checks = w.run.profile.fapi2 ? [...tokenResults, ...fapiChecks(w.run, exchanges)] : tokenResults;
  w.append({
    kind: 'validation',
    status: 'ok',
    at: w.deps.now(),
    exchanges,
    checks,
    checkedAt: w.deps.now(),
  });
}
