import { describe, expect, test } from 'vitest';
import { MAX_BODY_CHARS, performExchange } from '../../../src/core/http.ts';

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
