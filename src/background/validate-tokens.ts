import type { JSONWebKeySet } from 'jose';
import { accessTokenChecks } from '../core/checks/access-token-checks.ts';
import { idTokenChecks } from '../core/checks/id-token-checks.ts';
import type { JwksSource } from '../core/checks/signature.ts';
import { performExchange, type Exchange } from '../core/http.ts';
import { jwksRequest, readJwks } from '../core/jwks.ts';
import { appendStep, type Run } from '../core/run.ts';
import type { WorkerDeps } from './deps.ts';

export interface TokensToValidate {
  idToken: string | undefined;
  accessToken: string | undefined;
  clientSecret: string;
  metadata: Record<string, unknown> | undefined;
}

/** The provider's JWKS, fetched when first needed, again only when asked; every fetch is recorded. */
function jwksSource(jwksUri: string, exchanges: Exchange[], deps: WorkerDeps): JwksSource {
  let cached: JSONWebKeySet | { error: string } | undefined;
  return async (refresh) => {
    if (cached && !refresh) return cached;
    const exchange = await performExchange(jwksRequest(jwksUri), deps.http);
    exchanges.push(exchange);
    cached = readJwks(exchange);
    return cached;
  };
}

/** Appends the validation step: ID token checks (OIDC Core §3.1.3.7) and access token checks. */
export async function validateTokens(run: Run, tokens: TokensToValidate, deps: WorkerDeps): Promise<Run> {
  const exchanges: Exchange[] = [];
  const jwksUri = run.profile.endpoints.jwks;
  const jwks = jwksUri ? jwksSource(jwksUri, exchanges, deps) : undefined;
  const algs = tokens.metadata?.id_token_signing_alg_values_supported;
  const idChecks = tokens.idToken
    ? await idTokenChecks(tokens.idToken, {
        issuer: run.profile.issuer,
        clientId: run.profile.clientId,
        clientSecret: tokens.clientSecret,
        ...(run.flight?.nonce ? { nonce: run.flight.nonce } : {}),
        ...(tokens.accessToken ? { accessToken: tokens.accessToken } : {}),
        ...(Array.isArray(algs)
          ? { algsSupported: algs.filter((a): a is string => typeof a === 'string') }
          : {}),
        ...(jwks ? { jwks } : {}),
        nowSeconds: Math.floor(deps.now() / 1000),
      })
    : [];
  const accessChecks = tokens.accessToken ? await accessTokenChecks(tokens.accessToken, jwks) : [];
  return appendStep(run, {
    kind: 'validation',
    status: 'ok',
    at: deps.now(),
    exchanges,
    checks: [...idChecks, ...accessChecks],
    checkedAt: deps.now(),
  });
}
