import { createHash } from 'node:crypto';
import {
  exportJWK,
  generateKeyPair,
  SignJWT,
  UnsecuredJWT,
  CompactEncrypt,
  type JWK,
  type JWTPayload,
} from 'jose';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  idTokenChecks as checksOf,
  type IdTokenContext,
} from '../../../../src/core/checks/id-token-checks.ts';
import { checkInEnglish } from '../../../support/words.ts';

/** The checks as a report in English shows them. */
const idTokenChecks = async (...args: Parameters<typeof checksOf>) =>
  (await checksOf(...args)).map(checkInEnglish);
import type { JwksSource } from '../../../../src/core/checks/signature.ts';

const NOW = 1_790_000_000; // frozen clock, seconds
const ISSUER = 'https://id.btgpactual.com';
const CLIENT = 'my-app';
const NONCE = 'n0nce-value';
const HS_SECRET = 'a client secret that is long enough for HS256!!';

let rsa: { privateKey: CryptoKey; jwk: JWK };
let other: { privateKey: CryptoKey; jwk: JWK };

async function rsaKey(kid: string) {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  return { privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
}

beforeAll(async () => {
  [rsa, other] = await Promise.all([rsaKey('k1'), rsaKey('k2')]);
});

const claims = (patch: JWTPayload = {}): JWTPayload => ({
  iss: ISSUER,
  aud: CLIENT,
  sub: 'user-1',
  nonce: NONCE,
  iat: NOW - 10,
  exp: NOW + 3600,
  ...patch,
});

const sign = (
  payload: JWTPayload,
  key = rsa.privateKey,
  header: Record<string, unknown> = { alg: 'RS256', kid: 'k1' },
) => new SignJWT(payload).setProtectedHeader(header as { alg: string }).sign(key);

/** A JWKS source over fixed answers: the first call gets `first`, a refresh gets `then`. */
function keys(first: JWK[], then: JWK[] = first): JwksSource & { calls: boolean[] } {
  const calls: boolean[] = [];
  const source = (refresh: boolean) => {
    calls.push(refresh);
    return Promise.resolve({ keys: refresh ? then : first });
  };
  return Object.assign(source, { calls });
}

const ctx = (patch: Partial<IdTokenContext> = {}): IdTokenContext => ({
  issuer: ISSUER,
  clientId: CLIENT,
  clientSecret: HS_SECRET,
  nonce: NONCE,
  jwks: keys([rsa.jwk]),
  nowSeconds: NOW,
  ...patch,
});

async function statuses(token: string, context = ctx()) {
  const checks = await idTokenChecks(token, context);
  return Object.fromEntries(checks.map((c) => [c.id.replace('id_token.', ''), c.status]));
}

/**
 * The OpenID Foundation's relying-party tests that are pure checks are proven here (each named where it
 * stands); test/e2e/conformance.test.ts keeps the rows that prove the wiring through the real UI.
 */
describe('ID token checks (OIDC Core §3.1.3.7), real keys and a frozen clock', () => {
  test('a valid RS256 token passes every check that applies', async () => {
    expect(await statuses(await sign(claims()))).toEqual({
      format: 'pass',
      signature: 'pass',
      alg: 'pass',
      iss: 'pass',
      aud: 'pass',
      azp: 'skip',
      exp: 'pass',
      iat: 'pass',
      nonce: 'pass',
      at_hash: 'skip',
      sub: 'pass',
      auth_time: 'skip',
      acr: 'skip',
    });
  });

  test('max_age asks for a recent auth_time; acr_values for one of the acr sent (a warning otherwise)', async () => {
    const recent = await sign(claims({ auth_time: NOW - 100, acr: 'urn:mfa' }));
    expect(await statuses(recent, ctx({ maxAge: 300, acrValues: ['urn:mfa', 'urn:pwd'] }))).toMatchObject({
      auth_time: 'pass',
      acr: 'pass',
    });
    expect(await statuses(recent, ctx({ maxAge: 30, acrValues: ['urn:pwd'] }))).toMatchObject({
      auth_time: 'fail',
      acr: 'warn',
    });
    expect((await statuses(await sign(claims()), ctx({ maxAge: 300 }))).auth_time).toBe('fail');
  });

  test('alg none fails the signature and the algorithm (rp-id_token-sig-none)', async () => {
    const token = new UnsecuredJWT(claims()).encode();
    expect(await statuses(token)).toMatchObject({ signature: 'fail', alg: 'fail', iss: 'pass' });
  });

  test('a tampered signature fails (rp-id_token-bad-sig-rs256)', async () => {
    const token = await sign(claims());
    const [h, p] = token.split('.');
    const forged = `${h}.${p}.${(await sign(claims({ sub: 'x' }))).split('.')[2]}`;
    expect((await statuses(forged)).signature).toBe('fail');
  });

  test('HS256 is keyed with the client secret: right, wrong, short, absent (rp-id_token-sig-hs256, rp-id_token-bad-sig-hs256)', async () => {
    const hs = (secret: string) =>
      sign(claims(), new TextEncoder().encode(secret) as unknown as CryptoKey, { alg: 'HS256' });
    expect((await statuses(await hs(HS_SECRET))).signature).toBe('pass');
    expect((await statuses(await hs('another secret, also long enough....'))).signature).toBe('fail');
    expect((await statuses(await hs('short'), ctx({ clientSecret: 'short' }))).signature).toBe('warn');
    const absent = await idTokenChecks(await hs(HS_SECRET), ctx({ clientSecret: '' }));
    expect(absent.find((c) => c.id === 'id_token.signature')).toMatchObject({
      status: 'fail',
      actual: 'unverified: HS256 is keyed with the client secret, and none was given',
    });
  });

  test('an unknown kid makes one refetch of the JWKS (key rotation), then passes', async () => {
    const source = keys([other.jwk], [other.jwk, rsa.jwk]);
    const checks = await idTokenChecks(await sign(claims()), ctx({ jwks: source }));
    expect(checks.find((c) => c.id === 'id_token.signature')).toMatchObject({
      status: 'pass',
      actual: 'RS256, verified with key "k1" (after fetching the JWKS again)',
    });
    expect(source.calls).toEqual([false, true]);
  });

  test('a kid still unknown after the refetch fails, without a third fetch', async () => {
    const source = keys([other.jwk]);
    expect((await statuses(await sign(claims()), ctx({ jwks: source }))).signature).toBe('fail');
    expect(source.calls).toEqual([false, true]);
  });

  test('no kid: the single key is used; among several keys each is tried (rp-id_token-kid-absent-single-jwks, -multiple-jwks)', async () => {
    const noKid = await sign(claims(), rsa.privateKey, { alg: 'RS256' });
    const strip = ({ kid: _kid, ...jwk }: JWK) => jwk;
    expect((await statuses(noKid, ctx({ jwks: keys([strip(rsa.jwk)]) }))).signature).toBe('pass');
    expect((await statuses(noKid, ctx({ jwks: keys([strip(other.jwk), strip(rsa.jwk)]) }))).signature).toBe(
      'pass',
    );
    expect((await statuses(noKid, ctx({ jwks: keys([strip(other.jwk)]) }))).signature).toBe('fail');
  });

  test('an asymmetric token without a JWKS URI fails: the verdict never passes an unverified signature', async () => {
    const checks = await idTokenChecks(await sign(claims()), ctx({ jwks: undefined }));
    const signature = checks.find((c) => c.id === 'id_token.signature');
    expect(signature?.status).toBe('fail');
    expect(signature?.actual).toMatch(
      /^unverified: RS256 needs the provider's keys, and there is no JWKS URI/,
    );
  });

  test('the algorithm must be among those discovery lists', async () => {
    const token = await sign(claims());
    expect((await statuses(token, ctx({ algsSupported: ['ES256'] }))).alg).toBe('fail');
    expect((await statuses(token, ctx({ algsSupported: ['RS256', 'ES256'] }))).alg).toBe('pass');
  });

  test.each([
    ['iss (rp-id_token-issuer-mismatch)', { iss: 'https://other.example' }, { iss: 'fail' }],
    ['aud (rp-id_token-aud)', { aud: 'someone-else' }, { aud: 'fail' }],
    ['extra audiences without azp', { aud: [CLIENT, 'api'] }, { aud: 'warn', azp: 'fail' }],
    ['extra audiences with azp', { aud: [CLIENT, 'api'], azp: CLIENT }, { aud: 'warn', azp: 'pass' }],
    ['azp of another client', { azp: 'other' }, { azp: 'fail' }],
    ['expired beyond the tolerance (an expired ID token)', { exp: NOW - 61 }, { exp: 'fail' }],
    ['expired within the tolerance', { exp: NOW - 30 }, { exp: 'pass' }],
    ['iat missing (rp-id_token-iat)', { iat: undefined }, { iat: 'fail' }],
    ['iat in the future', { iat: NOW + 120 }, { iat: 'fail' }],
    ['nonce replaced (rp-nonce-invalid)', { nonce: 'other' }, { nonce: 'fail' }],
    ['nonce missing', { nonce: undefined }, { nonce: 'fail' }],
    ['sub missing (rp-id_token-sub)', { sub: undefined }, { sub: 'fail' }],
  ])('%s', async (_name, patch, expected) => {
    expect(await statuses(await sign(claims(patch)))).toMatchObject({ signature: 'pass', ...expected });
  });

  test('at_hash is the left half of SHA-256 of the access token (checked against node:crypto)', async () => {
    const accessToken = 'an-opaque-access-token';
    const digest = createHash('sha256').update(accessToken).digest();
    const good = digest.subarray(0, 16).toString('base64url');
    expect((await statuses(await sign(claims({ at_hash: good })), ctx({ accessToken }))).at_hash).toBe(
      'pass',
    );
    expect(
      (await statuses(await sign(claims({ at_hash: 'AAAAAAAAAAAAAAAAAAAAAA' })), ctx({ accessToken })))
        .at_hash,
    ).toBe('fail');
  });

  test('an encrypted ID token is reported as JWE, the rest skipped', async () => {
    const { publicKey } = await generateKeyPair('RSA-OAEP-256');
    const jwe = await new CompactEncrypt(new TextEncoder().encode('x'))
      .setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM' })
      .encrypt(publicKey);
    const checks = await idTokenChecks(jwe, ctx());
    expect(checks[0]).toMatchObject({ id: 'id_token.format', status: 'warn' });
    expect(checks[0]!.actual).toMatch(/encrypted \(JWE, RSA-OAEP-256\/A256GCM\)/);
    expect(checks.slice(1).every((c) => c.status === 'skip')).toBe(true);
  });

  test('something that is not a JWT fails the format check (BTG Id’s sample id_token)', async () => {
    expect((await statuses('eyJhbGciOiJIUzI1NiJ9.eyJ')).format).toBe('fail');
  });
});
