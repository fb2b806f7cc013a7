import type { Run } from '../run/run.ts';

/**
 * RFC 9449 §5: a token request that proved possession of the run's key should get `token_type` DPoP. The
 * `token_type` a provider answered instead (Bearer, say) on the login or a refresh: the access token is then
 * not bound to the key, and the page says so in an alert, not only in a failed check.
 */
export function unboundUnderDpop(run: Run): string | undefined {
  for (const step of run.steps) {
    if (step.kind !== 'token' && step.kind !== 'refresh') continue;
    const check = step.checks?.find((c) => c.id === 'token.token_type');
    if (check?.status === 'fail' && check.expectedSay?.id === 'exDpopAnyCase') return check.actual ?? '—';
  }
  return undefined;
}
