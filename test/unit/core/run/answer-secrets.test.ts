import { generateKeyPair, SignJWT } from 'jose';
import { beforeAll, describe, expect, test } from 'vitest';
import { answerSecrets, BODY_WITHHELD } from '../../../../src/core/run/answer-secrets.ts';
import type { Exchange } from '../../../../src/core/protocol/http.ts';
import { defaultProfile } from '../../../../src/core/profile/profile.ts';
import { buildReport, reportMarkdown } from '../../../../src/core/report/report.ts';
import { redactRun } from '../../../../src/core/report/redact.ts';
import { addAnswerSecrets, appendStep, finishRun, newRun, type Run } from '../../../../src/core/run/run.ts';
import { isSecretName } from '../../../../src/core/run/secret-names.ts';
import { wordsOf } from '../../../support/words.ts';

const NOW = 1_790_000_000_000;
const ACCESS = 'gw-ACCESS-4f1c9e2b7a';
const REFRESH = 'gw-REFRESH-8d3e6a1f0c';
let jwt: string;

beforeAll(async () => {
  const { privateKey } = await generateKeyPair('ES256');
  jwt = await new SignJWT({ sub: 'ana' }).setProtectedHeader({ alg: 'ES256' }).sign(privateKey);
});

const answer = (body: string, extra: Partial<Exchange['response'] & object> = {}): Exchange => ({
  role: 'token',
  request: { method: 'POST', url: 'https://op.example/token', headers: {}, body: 'grant_type=x' },
  response: { status: 200, statusText: 'OK', headers: {}, body, ...extra },
  startedAt: NOW,
  durationMs: 5,
});

/** A finished run whose token step answered `ex`, with what that answer carried recorded as the worker does. */
function runWith(ex: Exchange): Run {
  let run = newRun('r', { ...defaultProfile('https://abc.chromiumapp.org/'), clientId: 'app' }, NOW);
  run = appendStep(run, { kind: 'token', status: 'ok', at: NOW, exchanges: [ex] });
  return finishRun(addAnswerSecrets(run, answerSecrets(ex).values), NOW + 1);
}

/** Every place a finished run leaves the session: the disk copy, the JSON and the Markdown report. */
function leaving(run: Run): string {
  const ctx = { extensionVersion: '0', browser: 'b', generatedAt: NOW, words: wordsOf('en') };
  const report = buildReport(run, ctx);
  return [JSON.stringify(redactRun(run)), JSON.stringify(report), reportMarkdown(report, ctx.words)].join(
    '\n',
  );
}

describe('secret names: whole, any case and separator, never a substring', () => {
  test.each([
    'refreshToken',
    'refresh_token',
    'Refresh-Token',
    'ACCESS_TOKEN',
    'passwd',
    'clientSecret',
    'x-api-token',
    'userPassword',
    'SAMLResponse',
    'jsessionid',
  ])('%s is a credential’s name', (name) => expect(isSecretName(name)).toBe(true));
  test.each(['session_state', 'sid', 'token_type', 'expires_in', 'code', 'state', 'tokens_issued'])(
    '%s is not',
    (name) => expect(isSecretName(name)).toBe(false),
  );
});

describe('every credential an answer carries becomes a run secret before anything is saved', () => {
  test.each([
    [
      'form-encoded (a legacy gateway)',
      () => `access_token=${ACCESS}&token_type=bearer&refresh_token=${REFRESH}`,
    ],
    [
      'camelCase and nested JSON',
      () => JSON.stringify({ data: { accessToken: ACCESS, tokens: [{ refreshToken: REFRESH }] } }),
    ],
    [
      'a JWT under any name',
      () => JSON.stringify({ result: jwt, accessToken: ACCESS, rt: { refreshToken: REFRESH } }),
    ],
  ])('%s: none of it on disk or in a report', (_shape, body) => {
    const run = runWith(answer(body()));
    const values = run.secrets.map((s) => s.value);
    expect(values).toContain(ACCESS);
    expect(values).toContain(REFRESH);
    const out = leaving(run);
    expect(out).not.toContain(ACCESS);
    expect(out).not.toContain(REFRESH);
    expect(out).not.toContain(jwt.split('.')[2]);
  });

  test('a body that cannot be read is withheld from disk and reports, and kept in the session copy', () => {
    for (const ex of [
      answer(`<html>access granted: ${ACCESS}</html>`),
      answer(`{"access_token":"${ACCESS}","refresh_tok`, { bodyTruncated: true }),
    ]) {
      const run = runWith(ex);
      expect(answerSecrets(ex).readable).toBe(false);
      const out = leaving(run);
      expect(out).not.toContain(ACCESS);
      expect(out).toContain(BODY_WITHHELD);
      const step = run.steps[0]!;
      expect(step.kind === 'token' && step.exchanges[0]?.response?.body).toContain(ACCESS);
    }
  });

  test('an empty body, or JSON without credentials, is read and kept as it came', () => {
    expect(answerSecrets(answer(''))).toEqual({ values: [], readable: true });
    const body = JSON.stringify({ error: 'invalid_grant', error_description: 'code expired' });
    expect(answerSecrets(answer(body))).toEqual({ values: [], readable: true });
    expect(leaving(runWith(answer(body)))).toContain('code expired');
  });

  test('a hostile answer nested deeper than any real one does not run away, and is withheld', () => {
    let deep: unknown = { access_token: ACCESS };
    for (let i = 0; i < 1_000; i++) deep = { a: deep };
    const ex = answer(JSON.stringify(deep));
    expect(answerSecrets(ex).readable).toBe(false);
    expect(leaving(runWith(ex))).not.toContain(ACCESS);
  });
});

describe('a token-shaped answer: every string is a secret unless its field is public', () => {
  const tokensIn = (ex: Exchange) => answerSecrets(ex, true).values.sort();

  test('tokens under names nobody listed, nested, as a bare string, or in a response header', () => {
    expect(
      tokensIn(answer(JSON.stringify({ access: ACCESS, refresh: REFRESH, token_type: 'Bearer' }))),
    ).toEqual([ACCESS, REFRESH].sort());
    const nested = { accessToken: { value: ACCESS, expires_in: '3600' }, scope: 'openid profile' };
    expect(tokensIn(answer(JSON.stringify(nested)))).toEqual([ACCESS]);
    expect(tokensIn(answer(JSON.stringify(ACCESS)))).toEqual([ACCESS]);
    const headed = answer('{"token_type":"Bearer"}', {
      headers: {
        'content-type': 'application/json',
        'x-access': ACCESS,
        'x-request-id': 'req-0123456789abcdef',
      },
    });
    expect(tokensIn(headed)).toEqual([ACCESS]);
    // An ordinary answer is read by names and shapes only: its claims are not secrets.
    expect(
      answerSecrets(answer(JSON.stringify({ name: 'Ana Souza', email: 'ana@example.test' }))).values,
    ).toEqual([]);
  });

  test('none of them reaches the disk copy or a report; headers keep their names, and public values', () => {
    const ex = answer(JSON.stringify({ access: ACCESS, refresh: REFRESH, token_type: 'Bearer' }), {
      headers: { 'content-type': 'application/json', 'x-session-token': REFRESH, date: 'Mon, 07 Dec 2026' },
    });
    const run = addAnswerSecrets(runWith(ex), answerSecrets(ex, true).values);
    const copy = JSON.stringify(redactRun(run));
    for (const value of [ACCESS, REFRESH]) expect(copy).not.toContain(value);
    const headers = redactRun(run).steps.at(-1)!.exchanges[0]!.response!.headers;
    expect(headers).toEqual({
      'content-type': 'application/json',
      'x-session-token': '[value withheld]',
      date: 'Mon, 07 Dec 2026',
    });
    const report = reportMarkdown(
      buildReport(run, { extensionVersion: '0', browser: 'x', generatedAt: NOW, words: wordsOf('en') }),
      wordsOf('en'),
    );
    for (const value of [ACCESS, REFRESH]) expect(report).not.toContain(value);
  });
});
