import { describe, expect, test } from 'vitest';
import type { Check } from '../../../../src/core/checks/check.ts';
import { discoveryChecks as checksOf } from '../../../../src/core/checks/discovery-checks.ts';
import { checkInEnglish } from '../../../support/words.ts';

/** The checks as a report in English shows them. */
const discoveryChecks = (...args: Parameters<typeof checksOf>) => checksOf(...args).map(checkInEnglish);

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
      'discovery.endpoints': 'pass',
      'discovery.pkce': 'pass',
      'discovery.pkce_plain': 'pass',
      'discovery.id_token_algs': 'skip',
    });
  });

  test('what a document admits that weakens every login is a warning naming it', () => {
    const risky = discoveryChecks(
      doc({
        code_challenge_methods_supported: ['plain', 'S256'],
        id_token_signing_alg_values_supported: ['RS256', 'HS256', 'none', 'HS512'],
      }),
      ISSUER,
    );
    const plain = risky.find((c) => c.id === 'discovery.pkce_plain')!;
    expect([plain.status, plain.actual, plain.spec]).toEqual(['warn', 'plain', 'RFC 9700 §2.1.1']);
    expect(plain.expected).toMatch(/^S256 only/);
    const algs = risky.find((c) => c.id === 'discovery.id_token_algs')!;
    expect([algs.status, algs.actual, algs.spec]).toEqual([
      'warn',
      'HS256, none, HS512',
      'OIDC Core §3.1.3.7',
    ]);
    const signed = discoveryChecks(
      doc({ id_token_signing_alg_values_supported: ['RS256', 'ES256'] }),
      ISSUER,
    );
    expect(byId(signed)['discovery.id_token_algs']).toBe('pass');
    expect(byId(discoveryChecks(undefined, ISSUER))['discovery.pkce_plain']).toBe('skip');
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

  test('an endpoint with a fragment or credentials fails the endpoints check, naming it', () => {
    const checks = discoveryChecks(doc({ jwks_uri: 'https://u:p@op.example/jwks' }), ISSUER);
    const endpoints = checks.find((c) => c.id === 'discovery.endpoints');
    expect(endpoints?.status).toBe('fail');
    expect(endpoints?.actual).toBe(
      'jwks_uri in the discovery document must not contain a user name or password.',
    );
  });

  test('no document: every discovery check is skipped with the reason', () => {
    const checks = discoveryChecks(undefined, ISSUER);
    expect(checks.every((c) => c.status === 'skip' && c.actual === 'no discovery document')).toBe(true);
  });
});
