import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { describe, expect, test } from 'vitest';
import { accessTokenChecks } from '../../../../src/core/checks/access-token-checks.ts';

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
