import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { describe, expect, test } from 'vitest';
import { verdict, verdictText, type Check } from '../../../../src/core/check.ts';
import { accessTokenChecks } from '../../../../src/core/checks/access-token-checks.ts';
import { discoveryChecks } from '../../../../src/core/checks/discovery-checks.ts';
import { tokenResponseChecks } from '../../../../src/core/checks/token-checks.ts';
import type { Exchange } from '../../../../src/core/http.ts';
import { readTokenResponse } from '../../../../src/core/token.ts';

const ISSUER = 'https://id.btgpactual.com';
const byId = (checks: Check[]) => Object.fromEntries(checks.map((c) => [c.id, c.status]));

describe('discovery checks', () => {
  const doc = (patch: Record<string, unknown> = {}) => ({
    issuer: ISSUER,
    authorization_endpoint: `${ISSUER}/oauth2/authorize`,
    token_endpoint: `${ISSUER}/oauth2/token`,
    jwks_uri: `${ISSUER}/jwks`,
    code_challenge_methods_supported: ['S256'],
    ...patch,
  });

  test('a proper document passes', () => {
    expect(byId(discoveryChecks(doc(), ISSUER))).toEqual({
      'discovery.issuer': 'pass',
      'discovery.https': 'pass',
      'discovery.pkce': 'pass',
    });
  });

  test('another issuer fails; http fails off loopback and warns on it; no S256 warns', () => {
    expect(byId(discoveryChecks(doc({ issuer: 'https://x' }), ISSUER))['discovery.issuer']).toBe('fail');
    expect(
      byId(discoveryChecks(doc({ token_endpoint: 'http://op.example/t' }), ISSUER))['discovery.https'],
    ).toBe('fail');
    expect(
      byId(discoveryChecks(doc({ token_endpoint: 'http://127.0.0.1:4010/t' }), ISSUER))['discovery.https'],
    ).toBe('warn');
    expect(
      byId(discoveryChecks(doc({ code_challenge_methods_supported: ['plain'] }), ISSUER))['discovery.pkce'],
    ).toBe('warn');
    expect(
      byId(discoveryChecks(doc({ code_challenge_methods_supported: undefined }), ISSUER))['discovery.pkce'],
    ).toBe('skip');
  });

  test('no document: every discovery check is skipped with the reason', () => {
    const checks = discoveryChecks(undefined, ISSUER);
    expect(checks.every((c) => c.status === 'skip' && c.actual === 'no discovery document')).toBe(true);
  });
});

describe('token response checks (RFC 6749 §5.1)', () => {
  const answered = (status: number, body: unknown): Exchange => ({
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
    return tokenResponseChecks(exchange, readTokenResponse(exchange, 's').fields, scopes);
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

describe('access token checks (RFC 9068)', () => {
  test('opaque is reported, never failed; a JWT with a known kid is verified', async () => {
    expect((await accessTokenChecks('WV6G4HKBr', undefined))[0]?.status).toBe('skip');
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const jwk: JWK = { ...(await exportJWK(publicKey)), kid: 'at-key' };
    const jwks = () => Promise.resolve({ keys: [jwk] });
    const at = await new SignJWT({ scope: 'openid' })
      .setProtectedHeader({ alg: 'ES256', kid: 'at-key', typ: 'at+jwt' })
      .sign(privateKey);
    expect((await accessTokenChecks(at, jwks))[0]?.status).toBe('pass');
    const forged = `${at.slice(0, at.lastIndexOf('.'))}.${'A'.repeat(86)}`;
    expect((await accessTokenChecks(forged, jwks))[0]?.status).toBe('fail');
    const unknown = await new SignJWT({})
      .setProtectedHeader({ alg: 'ES256', kid: 'elsewhere' })
      .sign(privateKey);
    expect((await accessTokenChecks(unknown, jwks))[0]?.status).toBe('skip');
  });
});

describe('the verdict', () => {
  const c = (status: Check['status'], title: string = status): Check => ({
    id: title,
    title,
    spec: '',
    specUrl: '',
    status,
    expected: '',
    actual: '',
  });

  test('counts the checks that ran, and warnings', () => {
    expect(verdictText(verdict([c('pass'), c('pass'), c('skip'), c('warn')]))).toBe(
      'All 3 checks passed, 1 warning',
    );
    expect(verdictText(verdict([c('pass')]))).toBe('All 1 check passed');
  });

  test('names the first failure', () => {
    expect(verdictText(verdict([c('pass'), c('fail', 'Nonce matches the one sent'), c('fail', 'b')]))).toBe(
      '2 checks failed: Nonce matches the one sent',
    );
  });
});
