import {
  calculateJwkThumbprint,
  decodeProtectedHeader,
  exportJWK,
  generateKeyPair,
  importJWK,
  jwtVerify,
} from 'jose';
import { describe, expect, test } from 'vitest';
import {
  athOf,
  dpopAlg,
  htuOf,
  nonceAsked,
  proofClaims,
  signedProof,
} from '../../../../src/core/protocol/dpop.ts';
import type { Exchange, HttpRequest } from '../../../../src/core/protocol/http.ts';
import { webRandom } from '../../../../src/core/protocol/random.ts';
import { dpopBindingCheck } from '../../../../src/core/checks/token-checks.ts';

const NOW = 1_790_000_000_000;
const tools = { now: () => NOW, random: webRandom };
const answer = (status: number, headers: Record<string, string>, body = ''): Exchange => ({
  role: 'token',
  request: { method: 'POST', url: 'https://op.example/token', headers: {} },
  response: { status, statusText: '', headers, body },
  startedAt: NOW,
  durationMs: 1,
});

describe('DPoP proofs (RFC 9449)', () => {
  test('§4.2: htm, htu without query or fragment, iat now, a fresh jti; ath for a presented token; signed with the key in its header', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const publicJwk = (await exportJWK(publicKey)) as Record<string, string>;
    const request: HttpRequest = {
      method: 'GET',
      url: 'https://rs.example/me?x=1#frag',
      headers: { authorization: 'DPoP Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU' },
    };
    const claims = await proofClaims(request, tools, 'server-nonce');
    expect(claims).toMatchObject({
      htm: 'GET',
      htu: 'https://rs.example/me',
      iat: NOW / 1000,
      nonce: 'server-nonce',
    });
    // The example of RFC 9449 §7.1.
    expect(claims.ath).toBe('fUHyO2r2Z3DZ53EsNrWBb0xWXoaNy59IiKCAqksmQEo');
    const again = await proofClaims(request, tools);
    expect(again.jti).not.toBe(claims.jti);
    expect(again).not.toHaveProperty('nonce');
    // A token request presents no access token: no ath.
    expect(
      await proofClaims({ method: 'POST', url: 'https://op.example/token', headers: {} }, tools),
    ).not.toHaveProperty('ath');
    const proof = await signedProof(claims, { alg: 'ES256', publicJwk }, privateKey);
    const header = decodeProtectedHeader(proof);
    expect(header).toMatchObject({ typ: 'dpop+jwt', alg: 'ES256', jwk: publicJwk });
    const { payload } = await jwtVerify(proof, await importJWK(header.jwk!, 'ES256'), {
      currentDate: new Date(NOW),
    });
    expect(payload.htu).toBe('https://rs.example/me');
    expect(htuOf('https://op.example:8443/a/b?c#d')).toBe('https://op.example:8443/a/b');
    expect(await athOf('x')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  test('§8, §9: a nonce asked for by an authorization server (400) or a resource server (401), nothing else', () => {
    expect(nonceAsked(answer(400, { 'DPoP-Nonce': 'n1' }, '{"error":"use_dpop_nonce"}'))).toBe('n1');
    expect(
      nonceAsked(
        answer(401, {
          'www-authenticate': 'DPoP error="use_dpop_nonce", error_description="nonce"',
          'dpop-nonce': 'n2',
        }),
      ),
    ).toBe('n2');
    // A nonce handed over on success, another error, or no nonce header: no retry.
    expect(nonceAsked(answer(200, { 'dpop-nonce': 'n3' }, '{}'))).toBeUndefined();
    expect(nonceAsked(answer(400, { 'dpop-nonce': 'n4' }, '{"error":"invalid_dpop_proof"}'))).toBeUndefined();
    expect(nonceAsked(answer(400, {}, '{"error":"use_dpop_nonce"}'))).toBeUndefined();
    expect(
      nonceAsked(answer(401, { 'www-authenticate': 'Bearer error="invalid_token"', 'dpop-nonce': 'n5' })),
    ).toBeUndefined();
  });

  test('§5.1: the key’s algorithm follows discovery’s list; §6.1: a JWT access token names the key’s thumbprint', async () => {
    expect(dpopAlg(undefined)).toBe('ES256');
    expect(dpopAlg(['PS256'])).toBe('PS256');
    expect(dpopAlg(['ES256', 'PS256'])).toBe('ES256');
    const { publicKey } = await generateKeyPair('ES256');
    const jkt = await calculateJwkThumbprint(await exportJWK(publicKey));
    const bound = { kind: 'jwt' as const, header: {}, claims: { cnf: { jkt } } };
    expect(dpopBindingCheck(bound, jkt).status).toBe('pass');
    expect(dpopBindingCheck({ ...bound, claims: { cnf: { jkt: 'other' } } }, jkt).status).toBe('fail');
    expect(dpopBindingCheck({ ...bound, claims: {} }, jkt).status).toBe('fail');
    expect(dpopBindingCheck({ kind: 'opaque' }, jkt).status).toBe('skip');
  });
});
