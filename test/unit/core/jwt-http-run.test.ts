import { CompactEncrypt, SignJWT, generateKeyPair } from 'jose';
import { describe, expect, test } from 'vitest';
import { MAX_BODY_CHARS, performExchange } from '../../../src/core/http.ts';
import { decodeToken } from '../../../src/core/jwt.ts';
import { loginWindowError } from '../../../src/core/login-window.ts';
import { defaultProfile } from '../../../src/core/profile.ts';
import { addSecrets, appendStep, interruptRun, newRun } from '../../../src/core/run.ts';

const NOW = 1_790_000_000_000; // a frozen clock for everything below

describe('token decoding (jose)', () => {
  test('a signed JWT yields its header and claims', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const jwt = await new SignJWT({ sub: 'ana', nonce: 'n' })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setIssuedAt(NOW / 1000)
      .sign(privateKey);
    expect(decodeToken(jwt)).toEqual({
      kind: 'jwt',
      header: { alg: 'ES256', kid: 'k1' },
      claims: { sub: 'ana', nonce: 'n', iat: NOW / 1000 },
    });
  });

  test('an encrypted id_token is reported as JWE with its header, not as garbage', async () => {
    const { publicKey } = await generateKeyPair('RSA-OAEP-256');
    const jwe = await new CompactEncrypt(new TextEncoder().encode('{}'))
      .setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM' })
      .encrypt(publicKey);
    expect(decodeToken(jwe)).toEqual({ kind: 'jwe', header: { alg: 'RSA-OAEP-256', enc: 'A256GCM' } });
  });

  test('opaque and broken tokens are told apart', () => {
    expect(decodeToken('WV6G4HKBr')).toEqual({ kind: 'opaque' });
    expect(decodeToken('eyJhbGciOiJIUzI1NiJ9.eyJ')).toEqual({ kind: 'opaque' });
    expect(decodeToken('eyJhbGciOiJIUzI1NiJ9.eyJ.sig').kind).toBe('malformed');
  });
});

describe('HTTP exchanges are recorded, never thrown', () => {
  const clock = () => {
    let t = NOW;
    return () => (t += 5);
  };

  test('a response is captured with status, headers, body and duration', async () => {
    const fetch = () => Promise.resolve(new Response('{"a":1}', { status: 201, headers: { 'x-id': '7' } }));
    const ex = await performExchange(
      { method: 'GET', url: 'http://op/x', headers: {} },
      { fetch, now: clock(), timeoutMs: 1000 },
    );
    expect(ex.response).toMatchObject({ status: 201, body: '{"a":1}', headers: { 'x-id': '7' } });
    expect(ex.durationMs).toBe(5);
  });

  test('a huge body is cut at MAX_BODY_CHARS and says so', async () => {
    const fetch = () => Promise.resolve(new Response('x'.repeat(MAX_BODY_CHARS + 10)));
    const ex = await performExchange(
      { method: 'GET', url: 'http://op/x', headers: {} },
      { fetch, now: clock(), timeoutMs: 1000 },
    );
    expect(ex.response?.body.length).toBe(MAX_BODY_CHARS);
    expect(ex.response?.bodyTruncated).toBe(true);
  });

  test('a network failure and a timeout each say what happened', async () => {
    const refused = () => Promise.reject(new TypeError('Failed to fetch'));
    const hang = (_url: string, init: RequestInit) =>
      new Promise<Response>((_, reject) =>
        init.signal?.addEventListener('abort', () => reject(init.signal?.reason as Error)),
      );
    const req = { method: 'POST' as const, url: 'http://op/token', headers: {} };
    const a = await performExchange(req, { fetch: refused, now: clock(), timeoutMs: 1000 });
    expect(a.failure).toEqual({
      code: 'network',
      message: 'Could not reach http://op/token: Failed to fetch',
    });
    const b = await performExchange(req, { fetch: hang, now: clock(), timeoutMs: 20 });
    expect(b.failure).toEqual({ code: 'timeout', message: 'No response from http://op/token within 0 s.' });
  });
});

describe('the Run record', () => {
  const run = addSecrets(newRun('r1', defaultProfile('https://x.chromiumapp.org/'), NOW), {
    client_secret: 'secret',
  });

  test('secrets are collected once each with their kind, empty values skipped', () => {
    const more = addSecrets(addSecrets(run, { code: 'c0de', state: '' }), {
      code: 'c0de',
      client_secret: 'secret',
    });
    expect(more.secrets).toEqual([
      { kind: 'client_secret', value: 'secret' },
      { kind: 'code', value: 'c0de' },
    ]);
  });

  test('a running run found by a fresh worker becomes interrupted, keeping its steps', () => {
    const started = appendStep(run, {
      kind: 'authorize',
      status: 'ok',
      at: NOW,
      url: 'https://op/auth',
      params: [],
    });
    const interrupted = interruptRun(started, NOW + 1);
    expect(interrupted).toMatchObject({
      status: 'interrupted',
      finishedAt: NOW + 1,
      error: { code: 'interrupted' },
    });
    expect(interrupted.steps).toEqual(started.steps);
    const done = { ...started, status: 'done' as const };
    expect(interruptRun(done, NOW)).toBe(done);
  });
});

describe('login window errors', () => {
  test('a closed window is a cancellation, other failures keep Chromium’s words and a hint', () => {
    expect(loginWindowError('The user did not approve access.').info.code).toBe('login_cancelled');
    const failed = loginWindowError('Authorization page could not be loaded.').info;
    expect(failed.code).toBe('login_failed');
    expect(failed.hint).toMatch(/Authorization endpoint/);
  });
});
