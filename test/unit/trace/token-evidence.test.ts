import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, test } from 'vitest';
import { traceLogins } from '../../../src/trace/analysis/attempts.ts';
import type { HarEntry } from '../../../src/trace/analysis/har.ts';
import type { HttpDeps } from '../../../src/core/http.ts';
import { fetchedSignature, withEvidence } from '../../../src/trace/analysis/token-evidence.ts';

const OP = 'https://op.example';
const APP = 'https://app.example/cb';
const DATE = 'Sun, 29 Nov 2026 12:00:00 GMT';
const AT = Date.parse(DATE) / 1000;
const entry = (
  at: number,
  method: string,
  url: string,
  response: Partial<HarEntry['response']> = {},
  postData?: string,
): HarEntry => ({
  startedDateTime: new Date(Date.UTC(2026, 10, 29, 12, 0, at)).toISOString(),
  request: {
    method,
    url,
    headers: [],
    ...(postData ? { postData: { mimeType: 'application/x-www-form-urlencoded', text: postData } } : {}),
  },
  response: { status: 200, headers: [], ...response },
});

async function har(iat: number, withJwks: boolean, tamper = false) {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  let idToken = await new SignJWT({ iss: OP, aud: 'spa', sub: 'ana', iat, exp: iat + 3600 })
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .sign(privateKey);
  if (tamper) idToken = `${idToken.slice(0, idToken.lastIndexOf('.'))}.${'A'.repeat(342)}`;
  const json = (body: unknown, headers: HarEntry['response']['headers'] = []) => ({
    headers,
    content: { mimeType: 'application/json', text: JSON.stringify(body) },
  });
  return [
    entry(
      0,
      'GET',
      `${OP}/authorize?response_type=code&client_id=spa&redirect_uri=${encodeURIComponent(APP)}&state=s`,
    ),
    entry(1, 'GET', `${APP}?code=c&state=s`),
    entry(
      2,
      'POST',
      `${OP}/token`,
      json({ access_token: 'at', id_token: idToken }, [{ name: 'date', value: DATE }]),
      `grant_type=authorization_code&code=c&redirect_uri=${encodeURIComponent(APP)}`,
    ),
    ...(withJwks
      ? [entry(3, 'GET', `${OP}/jwks`, json({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k1' }] }))]
      : []),
  ];
}
const statuses = async (entries: HarEntry[]) => {
  const trace = await withEvidence(traceLogins(entries), entries);
  return Object.fromEntries(trace.attempts[0]!.checks.map((c) => [c.id, c.status]));
};

describe('checks that need keys or clocks', () => {
  test('the ID token verified against a JWKS in the HAR; iat against the Date header', async () => {
    expect(await statuses(await har(AT - 2, true))).toMatchObject({
      'trace.signature': 'pass',
      'trace.clock': 'pass',
    });
    expect(await statuses(await har(AT + 600, true, true))).toMatchObject({
      'trace.signature': 'fail',
      'trace.clock': 'warn',
    });
    expect(await statuses(await har(AT, false))).toMatchObject({ 'trace.signature': 'skip' });
  });
});

describe('the provider’s keys, fetched when the HAR holds none', () => {
  const keys = async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k2', alg: 'ES256' };
    const idToken = await new SignJWT({ iss: OP, aud: 'spa', sub: 'ana', iat: AT, exp: AT + 3600 })
      .setProtectedHeader({ alg: 'ES256', kid: 'k2' })
      .sign(privateKey);
    return { jwk, idToken };
  };
  // The provider as the worker's fetch reaches it: its discovery document and its JWKS, by URL.
  const provider = (jwks: unknown, jwksUri = `${OP}/keys`): HttpDeps => ({
    now: () => 0,
    timeoutMs: 1000,
    fetch: (url) =>
      Promise.resolve(
        url === `${OP}/.well-known/openid-configuration`
          ? new Response(JSON.stringify({ issuer: OP, jwks_uri: jwksUri }))
          : url === jwksUri
            ? new Response(JSON.stringify(jwks))
            : new Response('not here', { status: 404 }),
      ),
  });

  test('a signature that holds against them passes, naming where the keys came from', async () => {
    const { jwk, idToken } = await keys();
    const check = await fetchedSignature(idToken, OP, provider({ keys: [jwk] }));
    expect(check).toMatchObject({ id: 'trace.signature_fetched', status: 'pass' });
    expect(check.actual).toContain(`keys from ${OP}/keys`);
  });

  test('another key fails; a provider that cannot be reached leaves the check skipped, saying why', async () => {
    const { idToken } = await keys();
    const other = (await keys()).jwk;
    expect((await fetchedSignature(idToken, OP, provider({ keys: [other] }))).status).toBe('fail');
    const unreachable = await fetchedSignature(idToken, 'https://elsewhere.example', provider({ keys: [] }));
    expect(unreachable).toMatchObject({ status: 'skip', actual: 'the keys could not be fetched: HTTP 404' });
  });

  test('a hostile discovery document is held to the URL rules: its keys are not fetched from plain http', async () => {
    const { idToken, jwk } = await keys();
    const fetched: string[] = [];
    const hostile = provider({ keys: [jwk] }, 'http://keys.example/jwks');
    const watched = {
      ...hostile,
      fetch: (url: string, init: RequestInit) => (fetched.push(url), hostile.fetch(url, init)),
    };
    const check = await fetchedSignature(idToken, OP, watched);
    expect(check.status).toBe('skip');
    expect(check.actual).toMatch(/jwks_uri in the discovery document must use https/);
    expect(fetched).toEqual([`${OP}/.well-known/openid-configuration`]);
  });
});
