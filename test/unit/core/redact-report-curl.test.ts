import { generateKeyPair, SignJWT } from 'jose';
import { beforeAll, describe, expect, test } from 'vitest';
import { curlCommand } from '../../../src/core/curl.ts';
import type { Exchange } from '../../../src/core/http.ts';
import { decodeToken } from '../../../src/core/jwt.ts';
import { defaultProfile } from '../../../src/core/profile.ts';
import { redactRun } from '../../../src/core/redact.ts';
import { buildReport, reportMarkdown } from '../../../src/core/report.ts';
import { addSecrets, appendStep, finishRun, newRun, type Run } from '../../../src/core/run.ts';
import { basicAuthorization, tokenRequest } from '../../../src/core/token.ts';

const NOW = 1_790_000_000_000;
// Distinctive values, with characters that change under URL- and form-encoding.
const SECRET = 'Zq9-SECRET:with%reserved&chars+ and "quotes"/~';
const CODE = 'CODE-7f3a9c+e/1=';
const VERIFIER = 'VERIFIER-b41d0e2f9a8c7b6a5d4e3f2a1b0c9d8e7f6a5b4c3d2';
const REFRESH = 'REFRESH-91be7a0c55';
const OPAQUE_AT = 'OPAQUE-ACCESS-3c0ffee';
const CLIENT = 'my client';

let idToken: string;
let run: Run;

const exchange = (request: Exchange['request'], body: string): Exchange => ({
  request,
  response: { status: 200, statusText: 'OK', headers: { 'content-type': 'application/json' }, body },
  startedAt: NOW,
  durationMs: 12,
});

beforeAll(async () => {
  const { privateKey } = await generateKeyPair('RS256');
  idToken = await new SignJWT({ sub: 'ana', nonce: 'n0nce', aud: CLIENT })
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .sign(privateKey);
  const profile = { ...defaultProfile('https://abc.chromiumapp.org/'), clientId: CLIENT };
  run = addSecrets(newRun('run-1', profile, NOW), {
    client_secret: SECRET,
    state: 'st4te',
    nonce: 'n0nce',
    code_verifier: VERIFIER,
  });
  const callbackUrl = `https://abc.chromiumapp.org/?code=${encodeURIComponent(CODE)}&state=st4te&iss=${encodeURIComponent(profile.issuer)}`;
  run = appendStep(run, {
    kind: 'callback',
    status: 'ok',
    at: NOW,
    url: callbackUrl,
    params: [...new URL(callbackUrl).searchParams],
  });
  run = addSecrets(run, { code: CODE, access_token: OPAQUE_AT, refresh_token: REFRESH, id_token: idToken });
  const request = tokenRequest({
    tokenEndpoint: `${profile.issuer}/oauth2/token`,
    code: CODE,
    redirectUri: profile.redirectUri,
    clientId: CLIENT,
    clientSecret: SECRET,
    codeVerifier: VERIFIER,
  });
  const fields = { access_token: OPAQUE_AT, refresh_token: REFRESH, id_token: idToken, token_type: 'Bearer' };
  run = appendStep(run, {
    kind: 'token',
    status: 'ok',
    at: NOW,
    exchange: exchange(request, JSON.stringify(fields)),
    fields,
    idToken: decodeToken(idToken),
    accessToken: decodeToken(OPAQUE_AT),
  });
  run = { ...finishRun(run, NOW + 5), flight: { state: 'st4te', nonce: 'n0nce', codeVerifier: VERIFIER } };
});

const SECRET_VALUES = () => [SECRET, CODE, VERIFIER, REFRESH, OPAQUE_AT, idToken.split('.')[2]!];
/** Each value in every form it could take in a URL, a form body, a JSON string or a Basic header. */
const forms = (v: string) => [
  v,
  encodeURIComponent(v),
  new URLSearchParams({ v }).toString().slice(2),
  JSON.stringify(v).slice(1, -1),
];

function expectNoSecret(text: string) {
  for (const value of SECRET_VALUES()) for (const form of forms(value)) expect(text).not.toContain(form);
  expect(text).not.toContain(basicAuthorization(CLIENT, SECRET).slice(6));
}

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

  test('the JSON and Markdown reports are redacted, and say what they are about', () => {
    const report = buildReport(run, { extensionVersion: '0.1.0', browser: 'Chromium 156', generatedAt: NOW });
    const markdown = reportMarkdown(report);
    expectNoSecret(JSON.stringify(report));
    expectNoSecret(markdown);
    expect(report).toMatchObject({
      format: 'auth-code-inspector/report',
      extensionVersion: '0.1.0',
      browser: 'Chromium 156',
    });
    expect(markdown).toContain('"sub": "ana"');
    expect(markdown).toContain(`| Client ID | \`${CLIENT}\` |`);
  });

  test('provider data cannot break out of the Markdown code', () => {
    const nasty = {
      ...run,
      profile: { ...run.profile, clientId: 'x` | ![img](https://evil.example/t.png) `' },
    };
    const markdown = reportMarkdown(
      buildReport(nasty, { extensionVersion: '0', browser: 'b', generatedAt: NOW }),
    );
    expect(markdown).toContain("`x' \\| ![img](https://evil.example/t.png) '`");
  });
});

describe('Copy as curl', () => {
  test('the token request repeats with shell variables in place of every secret', () => {
    const token = run.steps.find((s) => s.kind === 'token');
    const curl = curlCommand(
      token?.kind === 'token' ? token.exchange! : (undefined as never),
      run.secrets,
      CLIENT,
    );
    expectNoSecret(curl);
    expect(curl).toContain('--data-urlencode "code=${CODE}"');
    expect(curl).toContain('--data-urlencode "code_verifier=${CODE_VERIFIER}"');
    expect(curl).toContain('--data-urlencode "redirect_uri=https://abc.chromiumapp.org/"');
    expect(curl).toContain('-H "authorization: Basic ${BASIC_AUTH}"');
    expect(curl).toContain("# Set first: CLIENT_SECRET='…' CODE='…' CODE_VERIFIER='…'");
    expect(curl).toMatch(/^curl -X POST "https:\/\/id\.btgpactual\.com\/oauth2\/token"/m);
  });

  test('literal text is escaped for the shell', () => {
    const ex = exchange(
      { method: 'GET', url: 'https://op.example/a?x=$(rm -rf ~)&y="`q`"', headers: {} },
      '',
    );
    expect(curlCommand(ex, [], 'c')).toBe(
      'curl -X GET "https://op.example/a?x=\\$(rm -rf ~)&y=\\"\\`q\\`\\""',
    );
  });
});
