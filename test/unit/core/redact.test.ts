import { beforeAll, describe, expect, test } from 'vitest';
import { redactionNotes, redactionsFor, redactRun, scrub } from '../../../src/core/redact.ts';
import { buildSampleRun, expectNoSecret, idToken, run } from '../../support/sample-run.ts';

beforeAll(buildSampleRun);

describe('redaction: what leaves the browser session holds no secret', () => {
  test('the redacted run keeps structure, JWT headers and claims, and drops every secret form', () => {
    const safe = redactRun(run);
    const text = JSON.stringify(safe);
    expectNoSecret(text);
    expect(safe.redacted).toBe(true);
    expect(safe.flight).toBeUndefined();
    expect(text).toContain(idToken.split('.').slice(0, 2).join('.')); // header.payload stay readable
    expect(text).toContain('"sub":"ana"');
    const token = safe.steps.find((s) => s.kind === 'token');
    expect(token?.kind === 'token' && token.exchange?.request.headers.authorization).toBe('Basic [redacted]');
  });

  test('state and nonce may stay once the run is over', () => {
    expect(JSON.stringify(redactRun(run))).toContain('st4te');
  });
});

describe('redaction finds a secret by its value, in any spelling, and keeps the rest byte for byte', () => {
  const LONG = 'Zq9/SECRET+with spaces~*';
  const redactions = redactionsFor([{ kind: 'client_secret', value: LONG }]);
  const clean = (text: string) => scrub(text, redactions);

  test.each([
    ['raw', `{"x":"${LONG}"}`],
    ['JSON-escaped slash', `{"x":"Zq9\\/SECRET+with spaces~*"}`],
    ['JSON \\u escapes in either case', `{"x":"Zq9\\u002fSECRET\\u002Bwith\\u0020spaces~*"}`],
    ['percent-encoded, upper case', `a=Zq9%2FSECRET%2Bwith%20spaces~*&b=1`],
    ['percent-encoded, lower case', `a=Zq9%2fSECRET%2bwith+spaces%7e%2a&b=1`],
    [
      'every character percent-encoded',
      `a=${[...new TextEncoder().encode(LONG)].map((b) => `%${b.toString(16)}`).join('')}`,
    ],
    ['inside free text', `error_description=bad secret ${LONG} given`],
  ])('%s', (_name, text) => {
    const out = clean(text);
    expect(out).toContain('[redacted]');
    expect(out.replace('[redacted]', '')).not.toMatch(/SECRET|%53%45%43/);
  });

  test('only the secret’s own bytes change: the body is otherwise exactly as received', () => {
    const body = `{"error":"invalid_client","error_description":"secret \\"Zq9\\/SECRET+with spaces~*\\" refused",\n  "n": 1}`;
    expect(clean(body)).toBe(
      `{"error":"invalid_client","error_description":"secret \\"[redacted]\\" refused",\n  "n": 1}`,
    );
  });

  test('a short secret is redacted as a whole value only, and never turns client_secret_basic into a clue', () => {
    const short = redactionsFor([{ kind: 'client_secret', value: 'secret' }]);
    const meta = '{"token_endpoint_auth_methods_supported":["client_secret_basic","client_secret_post"]}';
    expect(scrub(meta, short)).toBe(meta);
    expect(scrub('client_id=app&client_secret=secret&x=1', short)).toBe(
      'client_id=app&client_secret=[redacted]&x=1',
    );
    expect(scrub('client_secret=s%65cret', short)).toBe('client_secret=[redacted]');
    expect(scrub('{"client_secret":"secret","secret":1}', short)).toBe(
      '{"client_secret":"[redacted]","secret":1}',
    );
    expect(scrub({ value: 'secret', note: 'the secret word' }, short)).toEqual({
      value: '[redacted]',
      note: 'the secret word',
    });
    expect(redactionNotes([{ kind: 'client_secret', value: 'secret' }])).toEqual([
      'The client secret has fewer than 12 characters: it was redacted wherever it stood as a whole value (header credentials, form and query parameters, JSON strings), but free text was not searched for it.',
    ]);
    expect(redactionNotes([{ kind: 'client_secret', value: LONG }])).toEqual([]);
  });
});
