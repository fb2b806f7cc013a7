import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, test } from 'vitest';
import { traceLogins } from '../../../src/trace/analysis/attempts.ts';
import type { HarEntry } from '../../../src/trace/analysis/har.ts';
import type { HttpDeps } from '../../../src/core/protocol/http.ts';
import {
  fetchedSignature,
  withEvidence,
  type FetchedSignature,
} from '../../../src/trace/analysis/token-evidence.ts';
import type { Check } from '../../../src/core/checks/check.ts';
import { checkInEnglish } from '../../support/words.ts';

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

/** `jwksAt`: where the HAR's JWKS was answered; the discovery document names `${OP}/jwks`. */
async function har(iat: number, withJwks: boolean, tamper = false, jwksAt = `${OP}/jwks`) {
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
    entry(-1, 'GET', `${OP}/.well-known/openid-configuration`, json({ issuer: OP, jwks_uri: `${OP}/jwks` })),
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
      ? [entry(3, 'GET', jwksAt, json({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k1' }] }))]
      : []),
  ];
}
const statuses = async (entries: HarEntry[]) => {
  const trace = await withEvidence(traceLogins(entries), entries);
  return Object.fromEntries(trace.attempts[0]!.checks.map((c) => [c.id, c.status]));
};

describe('checks that need keys or clocks', () => {
  test('the ID token verified against a JWKS in the HAR only warns (no proof); iat against the Date header', async () => {
    // Keys recorded in the file verify it, but prove nothing (a crafted HAR carries its own): a warn.
    expect(await statuses(await har(AT - 2, true))).toMatchObject({
      'trace.signature': 'warn',
      'trace.clock': 'pass',
    });
    expect(await statuses(await har(AT + 600, true, true))).toMatchObject({
      'trace.signature': 'fail',
      'trace.clock': 'warn',
    });
    expect(await statuses(await har(AT, false))).toMatchObject({ 'trace.signature': 'skip' });
  });

  test('a JWKS from anywhere but the jwks_uri the issuer’s discovery document names is not trusted', async () => {
    // The right keys, answered at a URL the provider never named: an attacker's page could do the same.
    for (const elsewhere of [`${OP}/other-keys`, 'https://attacker.example/jwks']) {
      const entries = await har(AT - 2, true, false, elsewhere);
      const trace = await withEvidence(traceLogins(entries), entries);
      const signature = checkInEnglish(trace.attempts[0]!.checks.find((c) => c.id === 'trace.signature')!);
      expect(signature.status, elsewhere).toBe('skip');
      expect(signature.actual).toMatch(/jwks_uri/);
    }
    // Without the discovery document, nothing names the keys: none is trusted.
    const entries = (await har(AT - 2, true)).slice(1);
    expect(await statuses(entries)).toMatchObject({ 'trace.signature': 'skip' });
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
  const provider = (jwks: unknown, jwksUri = `${OP}/keys`, op = OP): HttpDeps => ({
    now: () => 0,
    timeoutMs: 1000,
    fetch: (url) =>
      Promise.resolve(
        url === `${op}/.well-known/openid-configuration`
          ? new Response(JSON.stringify({ issuer: op, jwks_uri: jwksUri }))
          : url === jwksUri
            ? new Response(JSON.stringify(jwks))
            : new Response('not here', { status: 404 }),
      ),
  });

  /** The check, when no loopback URL waits for the person's word. */
  const checked = async (answer: Promise<FetchedSignature>): Promise<Check> => {
    const a = await answer;
    if ('confirm' in a) throw new Error(`asked to confirm ${a.confirm}`);
    return checkInEnglish(a.check);
  };
  const watching = (deps: HttpDeps) => {
    const fetched: string[] = [];
    return {
      fetched,
      deps: {
        ...deps,
        fetch: (url: string, init: RequestInit) => (fetched.push(url), deps.fetch(url, init)),
      },
    };
  };

  test('a loopback URL is fetched only after the person confirmed that exact URL', async () => {
    const { jwk, idToken } = await keys();
    const local = 'http://127.0.0.1:6379';
    const discovery = `${local}/.well-known/openid-configuration`;
    const { fetched, deps } = watching(provider({ keys: [jwk] }, `${local}/keys`, local));
    expect(await fetchedSignature(idToken, local, deps)).toEqual({ confirm: discovery });
    expect(fetched).toEqual([]);
    expect(await fetchedSignature(idToken, local, deps, [`${local}/elsewhere`])).toEqual({
      confirm: discovery,
    });
    expect(fetched).toEqual([]);
    expect(await fetchedSignature(idToken, local, deps, [discovery])).toEqual({ confirm: `${local}/keys` });
    expect(fetched).toEqual([discovery]);
    expect(await fetchedSignature(idToken, local, deps, [discovery, `${local}/keys`])).toMatchObject({
      check: { status: 'pass' },
    });
    expect(fetched.at(-1)).toBe(`${local}/keys`);
  });

  test('a remote issuer whose discovery names a loopback jwks_uri: refused, nothing sent there', async () => {
    const { jwk, idToken } = await keys();
    const { fetched, deps } = watching(provider({ keys: [jwk] }, 'http://localhost:8080/keys'));
    const check = await checked(fetchedSignature(idToken, OP, deps, ['http://localhost:8080/keys']));
    expect(check.status).toBe('skip');
    expect(check.actual).toMatch(/^jwks_uri is http:\/\/localhost:8080\/keys, on this computer \(loopback\)/);
    expect(fetched).toEqual([`${OP}/.well-known/openid-configuration`]);
  });

  test('whatever fails while fetching is the check’s: the page always hears an answer', async () => {
    const { idToken } = await keys();
    const broken: HttpDeps = {
      ...provider({ keys: [] }),
      now: () => {
        throw new Error('the clock broke');
      },
    };
    const check = await checked(fetchedSignature(idToken, OP, broken));
    expect(check).toMatchObject({
      status: 'skip',
      actual: 'the keys could not be fetched: Error: the clock broke',
    });
  });

  test('a signature that holds against them passes, naming where the keys came from', async () => {
    const { jwk, idToken } = await keys();
    const check = await checked(fetchedSignature(idToken, OP, provider({ keys: [jwk] })));
    expect(check).toMatchObject({ id: 'trace.signature_fetched', status: 'pass' });
    expect(check.actual).toContain(`keys from ${OP}/keys`);
  });

  test('another key fails; a provider that cannot be reached leaves the check skipped, saying why', async () => {
    const { idToken } = await keys();
    const other = (await keys()).jwk;
    expect((await checked(fetchedSignature(idToken, OP, provider({ keys: [other] })))).status).toBe('fail');
    const unreachable = await checked(
      fetchedSignature(idToken, 'https://elsewhere.example', provider({ keys: [] })),
    );
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
    const check = await checked(fetchedSignature(idToken, OP, watched));
    expect(check.status).toBe('skip');
    expect(check.actual).toMatch(/jwks_uri in the discovery document must use https/);
    expect(fetched).toEqual([`${OP}/.well-known/openid-configuration`]);
  });
});
