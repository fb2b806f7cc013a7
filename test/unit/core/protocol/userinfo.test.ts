import { describe, expect, test } from 'vitest';
import type { Exchange } from '../../../../src/core/protocol/http.ts';
import { bearerChallenge, readUserinfo, userinfoRequest } from '../../../../src/core/protocol/userinfo.ts';
import { inEnglish } from '../../../support/words.ts';
import { tokenTypeOf } from '../../../../src/core/view/steps.ts';
import type { Run } from '../../../../src/core/run/run.ts';

const answered = (status: number, body: string, headers: Record<string, string> = {}): Exchange => ({
  role: 'userinfo',
  request: userinfoRequest('https://op.example/userinfo', 'at-1'),
  response: { status, statusText: '', headers, body },
  startedAt: 0,
  durationMs: 1,
});

describe('UserInfo (OIDC Core §5.3)', () => {
  test('the access token travels in the Authorization header, never in the URL', () => {
    const request = userinfoRequest('https://op.example/userinfo?tenant=a', 'at-1');
    expect(request).toMatchObject({
      method: 'GET',
      url: 'https://op.example/userinfo?tenant=a',
    });
    expect(request.headers.authorization).toBe('Bearer at-1');
    expect(request.url).not.toContain('at-1');
  });

  test('the scheme is the token’s type as the run received it, in any case; Bearer only where it is one', () => {
    const withType = (token_type?: unknown) =>
      ({
        steps: [
          { kind: 'token', status: 'ok', at: 0, exchanges: [], fields: { access_token: 'at', token_type } },
        ],
      }) as unknown as Run;
    expect(tokenTypeOf(withType('bearer'))).toBe('Bearer');
    expect(tokenTypeOf(withType('DPOP'))).toBe('DPoP');
    expect(tokenTypeOf(withType('N_A'))).toBe('N_A');
    expect(tokenTypeOf(withType())).toBe('Bearer');
    expect(userinfoRequest('https://op.example/userinfo', 'at-1', 'DPoP').headers.authorization).toBe(
      'DPoP at-1',
    );
  });

  test('JSON claims, or the payload of an application/jwt answer', () => {
    expect(
      readUserinfo(answered(200, '{"sub":"ana","email":"a@x"}', { 'content-type': 'application/json' })),
    ).toEqual({
      claims: { sub: 'ana', email: 'a@x' },
    });
    const jwt = `${btoa('{"alg":"RS256"}')}.${btoa('{"sub":"ana"}')}.c2ln`.replace(/=/g, '');
    expect(readUserinfo(answered(200, jwt, { 'content-type': 'application/jwt; charset=utf-8' }))).toEqual({
      jwt,
      claims: { sub: 'ana' },
    });
    expect(readUserinfo(answered(200, '<html>', { 'content-type': 'text/html' })).error?.code).toBe(
      'token_not_json',
    );
  });

  test('a WWW-Authenticate refusal is explained in plain words', () => {
    const header = 'Bearer realm="op", error="invalid_token", error_description="the \\"token\\" expired"';
    expect(bearerChallenge(header)).toEqual({
      realm: 'op',
      error: 'invalid_token',
      error_description: 'the "token" expired',
    });
    expect(inEnglish(readUserinfo(answered(401, '', { 'www-authenticate': header })).error)).toBe(
      'UserInfo answered HTTP 401: invalid_token — the "token" expired (the access token is expired, revoked, malformed or not for this endpoint).',
    );
    expect(inEnglish(readUserinfo(answered(500, 'oops')).error)).toBe('UserInfo answered HTTP 500.');
  });
});
