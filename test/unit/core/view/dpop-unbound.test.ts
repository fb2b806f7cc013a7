import { describe, expect, test } from 'vitest';
import { tokenResponseChecks } from '../../../../src/core/checks/token-checks.ts';
import type { Exchange } from '../../../../src/core/protocol/http.ts';
import { appendStep, newRun } from '../../../../src/core/run/run.ts';
import { defaultProfile } from '../../../../src/core/profile/profile.ts';
import { unboundUnderDpop } from '../../../../src/core/view/dpop-unbound.ts';

const NOW = 1_790_000_000_000;
const answered = (headers: Record<string, string>, body: Record<string, unknown>): Exchange => ({
  role: 'token',
  request: {
    method: 'POST',
    url: 'https://op.example/token',
    headers,
    body: 'grant_type=authorization_code',
  },
  response: { status: 200, statusText: 'OK', headers: {}, body: JSON.stringify(body) },
  startedAt: NOW,
  durationMs: 1,
});
const runWith = (exchange: Exchange, kind: 'token' | 'refresh' = 'token') => {
  const fields = JSON.parse(exchange.response!.body) as Record<string, unknown>;
  const base = newRun('r', defaultProfile('https://abc.chromiumapp.org/'), NOW);
  return appendStep(base, {
    kind,
    status: 'ok',
    at: NOW,
    exchanges: [exchange],
    fields,
    checks: tokenResponseChecks(exchange, fields, 'openid'),
  } as never);
};
const TOKENS = { access_token: 'at', expires_in: 60, scope: 'openid', id_token: 'x.y.z' };

describe('a token request that proved possession answered with a bearer token (RFC 9449 §5)', () => {
  test('token_type Bearer after a proof is named, on the login and on a refresh', () => {
    const proved = answered({ dpop: 'proof' }, { ...TOKENS, token_type: 'Bearer' });
    expect(unboundUnderDpop(runWith(proved))).toBe('Bearer');
    expect(unboundUnderDpop(runWith(proved, 'refresh'))).toBe('Bearer');
    expect(unboundUnderDpop(runWith(answered({ dpop: 'proof' }, TOKENS)))).toBe('—');
  });

  test('a DPoP token after a proof, or a Bearer token without one, says nothing', () => {
    expect(
      unboundUnderDpop(runWith(answered({ dpop: 'p' }, { ...TOKENS, token_type: 'DPoP' }))),
    ).toBeUndefined();
    expect(unboundUnderDpop(runWith(answered({}, { ...TOKENS, token_type: 'Bearer' })))).toBeUndefined();
    // Without a proof a wrong type fails its check, but it is not about DPoP.
    expect(unboundUnderDpop(runWith(answered({}, { ...TOKENS, token_type: 'mac' })))).toBeUndefined();
  });
});
