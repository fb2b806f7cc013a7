import { say } from '../../../../src/core/i18n/say.ts';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { beforeAll, describe, expect, test } from 'vitest';
import { jwksChecks as checksOf } from '../../../../src/core/checks/jwks-checks.ts';
import { checkInEnglish } from '../../../support/words.ts';

/** The checks as a report in English shows them. */
const jwksChecks = (...args: Parameters<typeof checksOf>) => checksOf(...args).map(checkInEnglish);
import type { Check } from '../../../../src/core/checks/check.ts';

let publicKey: JWK;
let privateKey: JWK;
beforeAll(async () => {
  const pair = await generateKeyPair('RS256', { extractable: true });
  publicKey = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  privateKey = { ...(await exportJWK(pair.privateKey)), kid: 'k2' };
});

const byId = (checks: Check[]) => Object.fromEntries(checks.map((c) => [c.id, c]));

describe('the provider’s published keys (RFC 7517 §5, Discovery §3, OIDC Core §10.1)', () => {
  test('a set of public keys with kids, holding the ID token’s key, passes every check', () => {
    const checks = byId(jwksChecks({ keys: [publicKey] }, 'k1'));
    expect(Object.values(checks).map((c) => `${c.id} ${c.status}`)).toEqual([
      'jwks.http pass',
      'jwks.public pass',
      'jwks.kid pass',
      'jwks.id_token_key pass',
    ]);
    expect(checks['jwks.http']?.actual).toBe('keys: 1');
  });

  test('a private key published is a failure naming the key', () => {
    const checks = byId(jwksChecks({ keys: [publicKey, privateKey] }, 'k1'));
    expect(checks['jwks.public']).toMatchObject({
      status: 'fail',
      actual: 'private or symmetric key values in: k2',
    });
    const symmetric = byId(jwksChecks({ keys: [{ kty: 'oct', k: 'c2VjcmV0' }] }, undefined));
    expect(symmetric['jwks.public']).toMatchObject({
      status: 'fail',
      actual: 'private or symmetric key values in: #1',
    });
  });

  test('keys without their own kid warn; a rotated-away ID token key warns; no kid in the token skips', () => {
    const { kid: _kid, ...anonymous } = publicKey;
    const checks = byId(jwksChecks({ keys: [publicKey, { ...publicKey }, anonymous] }, 'gone'));
    expect(checks['jwks.kid']).toMatchObject({ status: 'warn', actual: 'k1, k1, #3' });
    expect(checks['jwks.id_token_key']).toMatchObject({
      status: 'warn',
      actual: 'gone is no longer published',
    });
    expect(byId(jwksChecks({ keys: [anonymous] }, undefined))['jwks.id_token_key']?.status).toBe('skip');
  });

  test('an answer that is no JWK Set is one failed check, saying why', () => {
    const checks = jwksChecks({ error: say('jwksNoKeys') }, 'k1');
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({
      id: 'jwks.http',
      status: 'fail',
      actual: 'the JWKS has no "keys" array',
    });
  });
});
