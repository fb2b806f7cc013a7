import { describe, expect, test } from 'vitest';
import { secretClient } from '../../../support/client.ts';
import type { Check } from '../../../../src/core/checks/check.ts';
import { tokenResponseChecks as checksOf } from '../../../../src/core/checks/token-checks.ts';
import { checkInEnglish } from '../../../support/words.ts';

/** The checks as a report in English shows them. */
const tokenResponseChecks = (...args: Parameters<typeof checksOf>) => checksOf(...args).map(checkInEnglish);
import type { Exchange } from '../../../../src/core/protocol/http.ts';
import { readTokenResponse } from '../../../../src/core/protocol/token.ts';

const client = (secret: string) => secretClient('app', secret);

const ISSUER = 'https://id.btgpactual.com';
const byId = (checks: Check[]) => Object.fromEntries(checks.map((c) => [c.id, c.status]));

describe('token response checks (RFC 6749 §5.1)', () => {
  const answered = (status: number, body: unknown): Exchange => ({
    role: 'token',
    request: { method: 'POST', url: `${ISSUER}/oauth2/token`, headers: {} },
    response: {
      status,
      statusText: '',
      headers: {},
      body: typeof body === 'string' ? body : JSON.stringify(body),
    },
    startedAt: 0,
    durationMs: 1,
  });
  const good = {
    access_token: 'at',
    token_type: 'Bearer',
    expires_in: 86400,
    id_token: 'x.y.z',
    scope: 'openid profile',
  };
  const run = (body: unknown, scopes = 'openid profile', status = 200) => {
    const exchange = answered(status, body);
    return tokenResponseChecks(exchange, readTokenResponse(exchange, client('s')).fields, scopes);
  };

  test('BTG Id’s documented fields pass', () => {
    expect(Object.values(byId(run(good))).every((s) => s === 'pass')).toBe(true);
  });

  test.each([
    ['token_type in lower case', { token_type: 'bearer' }, 'token.token_type', 'pass'],
    ['another token type', { token_type: 'mac' }, 'token.token_type', 'fail'],
    ['no expires_in', { expires_in: undefined }, 'token.expires_in', 'warn'],
    ['a negative lifetime', { expires_in: -5 }, 'token.expires_in', 'fail'],
    ['a lifetime as a string', { expires_in: '3600' }, 'token.expires_in', 'fail'],
    ['no id_token for openid', { id_token: undefined }, 'token.id_token', 'fail'],
    ['narrowed scopes', { scope: 'openid' }, 'token.scope', 'warn'],
    ['scope omitted', { scope: undefined }, 'token.scope', 'pass'],
    ['no access token', { access_token: undefined }, 'token.access_token', 'fail'],
  ])('%s', (_name, patch, id, status) => {
    expect(byId(run({ ...good, ...patch }))[id]).toBe(status);
  });

  test('token_type in any case: Bearer, or DPoP when the request carried a DPoP proof (RFC 9449 §5)', () => {
    const typeOf = (tokenType: string, headers: Record<string, string>) => {
      const plain = answered(200, { ...good, token_type: tokenType });
      const exchange = { ...plain, request: { ...plain.request, headers } };
      return byId(tokenResponseChecks(exchange, { ...good, token_type: tokenType }, 'openid profile'))[
        'token.token_type'
      ];
    };
    expect(typeOf('DPoP', { DPoP: 'eyJ.proof.sig' })).toBe('pass');
    expect(typeOf('dpop', { dpop: 'eyJ.proof.sig' })).toBe('pass');
    // A bound token the client never asked for, or a Bearer one where it proved a key: both say so.
    expect(typeOf('DPoP', {})).toBe('fail');
    expect(typeOf('Bearer', { dpop: 'eyJ.proof.sig' })).toBe('fail');
  });

  test('narrowed scopes list what was dropped', () => {
    expect(run({ ...good, scope: 'openid' }).find((c) => c.id === 'token.scope')?.actual).toBe(
      'openid (dropped: profile)',
    );
  });

  test('without openid, a missing id_token is not a finding', () => {
    expect(byId(run({ ...good, id_token: undefined }, 'profile'))['token.id_token']).toBe('skip');
  });

  test('a malformed body fails the HTTP check and skips the rest', () => {
    const checks = run('{"access_token":"at" "token_type":"Bearer"}');
    expect(checks[0]).toMatchObject({
      id: 'token.http',
      status: 'fail',
      actual: 'HTTP 200, not a JSON object',
    });
    expect(checks.slice(1).every((c) => c.status === 'skip')).toBe(true);
  });
});
