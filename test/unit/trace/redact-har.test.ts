import { describe, expect, test } from 'vitest';
import { readHar, type HarEntry } from '../../../src/trace/analysis/har.ts';
import { redactHar } from '../../../src/trace/analysis/redact-har.ts';

const CODE = 'c0de-Zx9_long-enough';
const VERIFIER = 'verifier-0123456789abcdefghijklmnopqrstuvwxyz0';
const SECRET = 's3cret!';
const AT = 'opaque-access-token-0123456789';
const REFRESH = 'refresh-token-0123456789';
const text = JSON.stringify({
  log: {
    version: '1.2',
    creator: { name: 'test', version: '1' },
    entries: [
      {
        startedDateTime: '2026-11-29T12:00:00.000Z',
        request: {
          method: 'GET',
          url: `https://app.example/cb?code=${CODE}&state=s`,
          headers: [{ name: 'Cookie', value: 'sid=abc' }],
          cookies: [{ name: 'sid', value: 'abc' }],
        },
        response: {
          status: 200,
          headers: [{ name: 'Set-Cookie', value: 'sid=def' }],
          cookies: [{ name: 'sid', value: 'def' }],
          content: { text: 'ok' },
        },
      },
      {
        startedDateTime: '2026-11-29T12:00:01.000Z',
        request: {
          method: 'POST',
          url: 'https://op.example/token',
          headers: [{ name: 'Authorization', value: 'Basic YXBwOnMzY3JldCE=' }],
          postData: {
            mimeType: 'application/x-www-form-urlencoded',
            text: `grant_type=authorization_code&code=${CODE}&code_verifier=${VERIFIER}&client_secret=${encodeURIComponent(SECRET)}&password=hunter2`,
          },
        },
        response: {
          status: 200,
          headers: [],
          content: {
            mimeType: 'application/json',
            encoding: 'base64',
            text: btoa(JSON.stringify({ access_token: AT, refresh_token: REFRESH })),
          },
        },
      },
    ],
  },
});

describe('a HAR as it may be shared', () => {
  test('codes, tokens, secrets, passwords, verifiers, credentials and cookies are gone; it is still a HAR', () => {
    const out = redactHar(text, (readHar(text) as { entries: HarEntry[] }).entries);
    for (const secret of [
      CODE,
      VERIFIER,
      encodeURIComponent(SECRET),
      'hunter2',
      'sid=abc',
      'sid=def',
      'YXBwOnMzY3JldCE=',
      AT,
      REFRESH,
    ])
      expect(out).not.toContain(secret);
    expect(out).not.toContain(btoa(JSON.stringify({ access_token: AT, refresh_token: REFRESH })));
    const again = readHar(out);
    expect('entries' in again && again.entries).toHaveLength(2);
    expect(out).toContain('state=s');
  });
});
