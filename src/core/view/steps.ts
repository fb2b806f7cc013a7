import { authorizationServer, type AuthorizationServer } from '../protocol/authorization-server.ts';
import type { Run, StepKind, StepOf } from '../run/run.ts';

export type { StepOf } from '../run/run.ts';

/** The newest step of `kind`, if the run has one. */
export function lastStep<K extends StepKind>(run: Run, kind: K): StepOf<K> | undefined {
  return run.steps.findLast((s): s is StepOf<K> => s.kind === kind);
}

export type TokensStep = StepOf<'token' | 'refresh'>;

/**
 * The step holding the run's current tokens: the newest token response (a successful refresh
 * supersedes the login's). The top sections of the inspector show these; actions use them.
 */
export const currentTokens = (run: Run): TokensStep | undefined =>
  run.steps.findLast(
    (s): s is TokensStep => s.kind === 'token' || (s.kind === 'refresh' && s.status === 'ok' && !!s.fields),
  );

/**
 * How the current access token is presented (its `token_type`, compared in any case: RFC 6749 §5.1,
 * §7.1): `Bearer` (RFC 6750) or `DPoP` (RFC 9449) spelled canonically, another type as the provider
 * named it; `Bearer` when the answer named none (the token check says so).
 */
export function tokenTypeOf(run: Run): string {
  const type = currentTokens(run)?.fields?.token_type;
  if (typeof type !== 'string' || type === '') return 'Bearer';
  return { bearer: 'Bearer', dpop: 'DPoP' }[type.toLowerCase()] ?? type;
}

/** The refresh token in force: the newest one any token response brought (a refresh may bring none). */
export function currentRefreshToken(run: Run): string | undefined {
  const found = run.steps.findLast(
    (s): s is TokensStep =>
      (s.kind === 'token' || s.kind === 'refresh') && typeof s.fields?.refresh_token === 'string',
  );
  const token = found?.fields?.refresh_token;
  return typeof token === 'string' ? token : undefined;
}

/**
 * When the provider accepted the revocation of the current `which` (a revocation step that answered
 * after the tokens in force arrived), in epoch milliseconds; undefined while none did.
 */
export function revocationAccepted(
  run: Run,
  tokens: TokensStep | undefined,
  which: 'access_token' | 'refresh_token',
): number | undefined {
  if (!tokens) return undefined;
  return run.steps.findLast(
    (s): s is StepOf<'revocation'> =>
      s.kind === 'revocation' && s.token === which && s.status === 'ok' && s.at >= tokens.at,
  )?.at;
}

/** What the run's discovery found the provider publishes, typed; undefined without a document. */
export function serverOf(run: Run): AuthorizationServer | undefined {
  const metadata = lastStep(run, 'discovery')?.metadata;
  return metadata ? authorizationServer(metadata) : undefined;
}
