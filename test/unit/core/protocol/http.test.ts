import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MAX_BODY_CHARS, performExchange } from '../../../../src/core/protocol/http.ts';
import { inEnglish } from '../../../support/words.ts';

const NOW = 1_790_000_000_000; // a frozen clock for everything below

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
      'api',
    );
    expect(ex.response).toMatchObject({ status: 201, body: '{"a":1}', headers: { 'x-id': '7' } });
    expect(ex.durationMs).toBe(5);
    expect(ex.role).toBe('api');
  });

  test('a huge body is cut at MAX_BODY_CHARS and says so', async () => {
    const fetch = () => Promise.resolve(new Response('x'.repeat(MAX_BODY_CHARS + 10)));
    const ex = await performExchange(
      { method: 'GET', url: 'http://op/x', headers: {} },
      { fetch, now: clock(), timeoutMs: 1000 },
      'api',
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
    const a = await performExchange(req, { fetch: refused, now: clock(), timeoutMs: 1000 }, 'token');
    expect(a.failure).toEqual({
      code: 'network',
      say: { id: 'httpNetwork', subs: ['http://op/token', 'Failed to fetch'] },
    });
    expect(inEnglish(a.failure)).toBe('Could not reach http://op/token: Failed to fetch');
    const b = await performExchange(req, { fetch: hang, now: clock(), timeoutMs: 20 }, 'token');
    expect(b.failure?.code).toBe('timeout');
    expect(inEnglish(b.failure)).toBe('No response from http://op/token within 0 s.');
  });
});

describe('redirects and endless bodies, against a real server on loopback', () => {
  let server: Server;
  let base = '';
  const reached: string[] = [];
  let endlessChunks = 0;
  beforeAll(async () => {
    server = createServer((req, res) => {
      reached.push(`${req.method} ${req.url}`);
      if (req.url === '/token' || req.url === '/moved') {
        res.writeHead(307, { location: `${base}/elsewhere` }).end();
      } else if (req.url === '/endless') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        const write = () => {
          endlessChunks++;
          if (res.write('x'.repeat(64 * 1024))) setImmediate(write);
          else res.once('drain', write);
        };
        res.on('close', () => (endlessChunks = -endlessChunks));
        write();
      } else res.end('{"keys":[]}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  const deps = {
    fetch: (url: string, init: RequestInit) => fetch(url, init),
    now: Date.now,
    timeoutMs: 5000,
  };

  test('no request follows a redirect: it ends at the 3xx, and nothing reaches the target', async () => {
    reached.length = 0;
    const ex = await performExchange(
      { method: 'POST', url: `${base}/token`, headers: {}, body: 'code=x' },
      deps,
      'token',
    );
    expect(ex.failure?.code).toBe('redirect');
    expect(inEnglish(ex.failure)).toMatch(/answered with a redirect, which was not followed/);
    expect(ex.response).toBeUndefined();
    expect(reached).toEqual(['POST /token']);
  });

  test('a GET (discovery, keys, an action) is not followed either: a provider cannot send it elsewhere', async () => {
    reached.length = 0;
    const ex = await performExchange({ method: 'GET', url: `${base}/moved`, headers: {} }, deps, 'jwks');
    expect(ex.failure?.code).toBe('redirect');
    expect(reached).toEqual(['GET /moved']);
    const direct = await performExchange({ method: 'GET', url: `${base}/jwks`, headers: {} }, deps, 'jwks');
    expect(direct.response?.status).toBe(200);
  });

  test('an endless body stops being read at the cap: the connection is closed, not drained', async () => {
    const ex = await performExchange({ method: 'GET', url: `${base}/endless`, headers: {} }, deps, 'api');
    expect(ex.response?.bodyTruncated).toBe(true);
    expect(ex.response?.body.length).toBe(MAX_BODY_CHARS);
    await expect.poll(() => endlessChunks).toBeLessThan(0); // the server saw the reader go away
    expect(-endlessChunks).toBeLessThan(200); // a few MB at most, not an unbounded drain
  });
});
