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

  const NOW = 1_790_000_000;
  const ctx = { issuer: 'https://id.btgpactual.com', clientId: 'app', nowSeconds: NOW };
  const statuses = (checks: { id: string; status: string }[]) =>
    Object.fromEntries(checks.map((c) => [c.id.replace('access_token.', ''), c.status]));

  test('a JWT access token as BTG Id documents it: no failure, warnings for aud, sub and jti', async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const jwks = async () => ({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k' }] });
    const sign = (claims: Record<string, unknown>, typ = 'at+jwt') =>
      new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'k', typ }).sign(privateKey);
    const documented = {
      iss: ctx.issuer,
      client_id: 'app',
      scope: 'openid',
      iat: NOW - 10,
      exp: NOW + 86400,
    };
    expect(statuses(await accessTokenChecks(await sign(documented), jwks, ctx))).toEqual({
      signature: 'pass',
      typ: 'pass',
      iss: 'pass',
      exp: 'pass',
      iat: 'pass',
      client_id: 'pass',
      aud: 'warn',
      sub: 'warn',
      jti: 'warn',
    });
    const full = { ...documented, aud: 'api', sub: 'ana', jti: 'j1' };
    const other = await accessTokenChecks(
      await sign({ ...full, client_id: 'someone-else', exp: NOW - 3600 }, 'JWT'),
      jwks,
      ctx,
    );
    expect(statuses(other)).toMatchObject({
      typ: 'fail',
      client_id: 'fail',
      exp: 'fail',
      aud: 'pass',
      sub: 'pass',
      jti: 'pass',
    });
    expect(statuses(await accessTokenChecks(await sign(full, 'application/at+jwt'), jwks, ctx)).typ).toBe(
      'pass',
    );
    expect(await accessTokenChecks('opaque-token', jwks, ctx)).toHaveLength(1);
  });
});
