import { inEnglish } from '../../../support/words.ts';
import { beforeAll, describe, expect, test } from 'vitest';
import { redactionNotes, redactionsFor, redactRun, scrub } from '../../../../src/core/report/redact.ts';
import { buildSampleRun, expectNoSecret, idToken, run } from '../../../support/sample-run.ts';

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
    expect(token?.kind === 'token' && token.exchanges[0]?.request.headers.authorization).toBe(
      'Basic [redacted]',
    );
  });

  test('a signed request object keeps its header and claims and loses its signature, in the URL and the params', () => {
    const jwt =
      'eyJhbGciOiJFUzI1NiIsInR5cCI6Im9hdXRoLWF1dGh6LXJlcStqd3QifQ.eyJpc3MiOiJhcHAifQ.c2lnbmF0dXJlLWJ5dGVz';
    const authorize = {
      kind: 'authorize' as const,
      status: 'ok' as const,
      at: 0,
      url: `https://op.example/authorize?client_id=app&request=${jwt}`,
      params: [['request', jwt]] as [string, string][],
      exchanges: [],
    };
    const signed = {
      ...run,
      steps: [authorize, ...run.steps],
      secrets: [...run.secrets, { kind: 'request_object' as const, value: jwt }],
    };
    const text = JSON.stringify(redactRun(signed));
    expect(text).not.toContain('c2lnbmF0dXJlLWJ5dGVz');
    expect(text).toContain(`${jwt.slice(0, jwt.lastIndexOf('.'))}.[signature redacted]`);
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
    expect(redactionNotes([{ kind: 'client_secret', value: 'secret' }]).map(inEnglish)).toEqual([
      'The client secret has fewer than 12 characters: it was redacted wherever it stood as a whole value (header credentials, form and query parameters, JSON strings), but free text was not searched for it.',
    ]);
    expect(redactionNotes([{ kind: 'client_secret', value: LONG }])).toEqual([]);
  });
});

describe('the quick paths find what the full patterns find', () => {
  /** A seeded generator, so a failure names the case that shows it. */
  const random = (seed: number) => {
    let s = seed >>> 0;
    return (n: number) => {
      s = (s * 1664525 + 1013904223) >>> 0;
      return s % n;
    };
  };
  // Hex digits, `+` and spaces often: the cases where a quick path could go wrong.
  const CHARS = 'aaBb0099++  /"-._~*!%\\éx';
  const spell = (ch: string, next: (n: number) => number, plainOnly: boolean) => {
    const hex = (n: number, w: number) => n.toString(16).padStart(w, '0');
    const bytes = [...new TextEncoder().encode(ch)];
    const escaped = [
      bytes.map((b) => `%${hex(b, 2).toUpperCase()}`).join(''),
      bytes.map((b) => `%${hex(b, 2)}`).join(''),
      `\\u${hex(ch.charCodeAt(0), 4)}`,
    ];
    const options = [
      ch,
      ch,
      ch,
      ...(plainOnly ? [] : escaped),
      ...(ch === ' ' ? ['+'] : []),
      ...(ch === '/' ? ['\\/'] : ch === '"' ? ['\\"'] : []),
    ];
    return options[next(options.length)]!;
  };

  test('a long secret as itself and escaped in one escaped text: both spellings go, as the full pattern finds them', () => {
    const code = 'Ab9-Zz_0.12~yx';
    const escaped = [...code].map((ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`).join('');
    const [redaction] = redactionsFor([{ kind: 'code', value: code }]);
    for (const text of [
      `https://app.example/cb?code=${code}&iss=https%3A%2F%2Fidp.example&echo=${escaped}`,
      `grant_type=authorization_code&code=${escaped}&code_verifier=${code}&redirect_uri=https%3A%2F%2Fapp`,
      `{"echo":"${code.replace('-', '\\u002d')}","code":"${code}"}`,
    ]) {
      const scrubbed = scrub(text, [redaction!]);
      expect(scrubbed).not.toContain(code);
      expect(scrubbed).not.toContain(escaped);
      expect(scrubbed.split('[redacted]')).toHaveLength(3);
      expect(scrubbed).toBe(text.replace(redaction!.pattern(), () => redaction!.replacement));
    }
  });

  test('on 1,000 seeded secrets in mixed spellings inside noisy text, the result is the full patterns’ result', () => {
    for (let seed = 1; seed <= 1000; seed++) {
      const next = random(seed);
      // Half the cases with no `%` or `\\` anywhere but their spellings': the plain-text path.
      const alphabet = seed % 2 ? CHARS : 'aaBb0099++  /"-._';
      const word = (n: number) => Array.from({ length: n }, () => alphabet[next(alphabet.length)]!).join('');
      const secrets = Array.from({ length: 1 + next(3) }, () => ({
        kind: 'client_secret' as const,
        value: word(1 + next(20)),
      }));
      const redactions = redactionsFor(secrets);
      const around = () =>
        word(next(4)) + (seed % 2 ? ['', '', '%', '%a', '\\', '\\u00', '+'][next(7)]! : ['', '+'][next(2)]!);
      const spelled = (v: string) => [...v].map((ch) => spell(ch, next, seed % 2 === 0)).join('');
      const text = [around(), ...secrets.map((s) => spelled(s.value) + around()), word(next(4))].join('');
      const full = redactions.reduce((t, r) => t.replace(r.pattern(), () => r.replacement), text);
      expect(scrub(text, redactions), `seed ${seed}: ${JSON.stringify(text)}`).toBe(full);
    }
  });
});
