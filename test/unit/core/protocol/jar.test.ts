import { exportJWK, generateKeyPair, jwtVerify } from 'jose';
import { describe, expect, test } from 'vitest';
import {
  beside,
  jarRequired,
  REQUEST_OBJECT_TYP,
  requestObjectClaims,
  requestObjectHint,
  signedRequestObject,
  usesJar,
} from '../../../../src/core/protocol/jar.ts';
import { hintInEnglish } from '../../../support/words.ts';

const NOW = 1_790_000_000_000;
const tools = { now: () => NOW, random: (n: number) => new Uint8Array(n).fill(7) };
const PARAMS: [string, string][] = [
  ['client_id', 'app'],
  ['response_type', 'code'],
  ['redirect_uri', 'https://app.example/cb'],
  ['scope', 'openid email'],
  ['state', 's'],
  ['acr_values', 'a'],
  ['acr_values', 'b'],
];
const CLIENT = { clientId: 'app', issuer: 'https://op.example' };

describe('signed request objects (RFC 9101)', () => {
  test('every parameter inside (a repeated one as a list); iss the client, aud the issuer; nbf and iat now, exp minutes later', () => {
    const claims = requestObjectClaims(PARAMS, CLIENT, tools);
    const now = NOW / 1000;
    expect(claims).toMatchObject({
      client_id: 'app',
      response_type: 'code',
      redirect_uri: 'https://app.example/cb',
      scope: 'openid email',
      state: 's',
      acr_values: ['a', 'b'],
      iss: 'app',
      aud: 'https://op.example',
      iat: now,
      nbf: now,
    });
    expect(claims.jti).toMatch(/^[\w-]{16,}$/);
    // FAPI 2.0 (and oidc-provider under it): exp − nbf positive and at most 60 minutes.
    const life = (claims.exp as number) - (claims.nbf as number);
    expect(life).toBeGreaterThan(0);
    expect(life).toBeLessThanOrEqual(3600);
  });

  test('signed with the client key under its kid, typed oauth-authz-req+jwt; verifies with the public half only', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const claims = requestObjectClaims(PARAMS, CLIENT, tools);
    const jwt = await signedRequestObject(claims, { alg: 'ES256', kid: 'k1' }, privateKey);
    const { payload, protectedHeader } = await jwtVerify(jwt, publicKey, {
      issuer: 'app',
      audience: 'https://op.example',
      typ: REQUEST_OBJECT_TYP,
      currentDate: new Date(NOW),
    });
    expect(protectedHeader).toEqual({ alg: 'ES256', kid: 'k1', typ: 'oauth-authz-req+jwt' });
    expect(payload.redirect_uri).toBe('https://app.example/cb');
    // Another key does not verify it.
    const other = await generateKeyPair('ES256');
    await expect(jwtVerify(jwt, other.publicKey)).rejects.toThrow(/signature/);
    expect((await exportJWK(publicKey)).d).toBeUndefined();
  });

  test('beside the object: client_id, response_type and scope as inside (OIDC Core §6.1), then request; nothing else', () => {
    expect(beside(PARAMS, 'J.W.T')).toEqual([
      ['client_id', 'app'],
      ['response_type', 'code'],
      ['scope', 'openid email'],
      ['request', 'J.W.T'],
    ]);
  });

  test('signed when the profile asks or the provider requires it of every client', () => {
    expect(usesJar({ signRequest: true }, undefined)).toBe(true);
    expect(usesJar({}, { requireSignedRequestObject: true })).toBe(true);
    expect(usesJar({ signRequest: false }, { requireSignedRequestObject: false })).toBe(false);
  });

  test('a refused request object and a required one are each explained; other refusals are not', () => {
    expect(
      hintInEnglish(requestObjectHint('invalid_request_object', 'could not validate Request Object')),
    ).toMatch(
      /refused the signed request object \(RFC 9101 §6\.3\).*public key.*request_object_signing_alg_values_supported.*clocks/,
    );
    expect(jarRequired('invalid_request', 'Request Object must be used by this client')).toBe(true);
    expect(
      hintInEnglish(requestObjectHint('invalid_request', 'Request Object must be used by this client')),
    ).toMatch(/must sign its authorization requests.*Sign the authorization request \(JAR\)/);
    expect(jarRequired('invalid_request', 'Pushed Authorization Request must be used')).toBe(false);
    expect(requestObjectHint('invalid_request', 'redirect_uri mismatch')).toBeUndefined();
    expect(requestObjectHint('access_denied', undefined)).toBeUndefined();
  });
});
