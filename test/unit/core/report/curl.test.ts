import { execFileSync } from 'node:child_process';
import { authed, secretClient } from '../../../support/client.ts';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { curlCommand } from '../../../../src/core/report/curl.ts';
import type { Secret } from '../../../../src/core/run/run.ts';
import { tokenRequest } from '../../../../src/core/protocol/token.ts';
import { basicAuthorization } from '../../../../src/core/protocol/client-auth.ts';
import { lastStep } from '../../../../src/core/view/steps.ts';
import { buildSampleRun, CLIENT, exchange, expectNoSecret, run } from '../../../support/sample-run.ts';

beforeAll(buildSampleRun);

const canaryDir = mkdtempSync(join(tmpdir(), 'aci-curl-'));
const CANARY = join(canaryDir, 'ran');
/** Every character a shell treats specially, and a command that must never run. */
const NASTY = `!# ' " $ \\ \` ( ) * ~ : % + & ; | < > !! !-1 $(touch ${CANARY}) \`touch ${CANARY}\``;

/**
 * Pastes `command` into an interactive shell through a real terminal (test/support/paste.py: a pty,
 * readline or zle on, bracketed paste on or off), where `curl` only records the arguments it was
 * given; types each answer when its prompt shows. Returns those arguments and what the terminal showed.
 */
function pasteInTerminal(
  shell: 'bash' | 'zsh',
  bracketed: 'on' | 'off',
  command: string,
  vars: Record<string, string>,
  answers: [string, string][] = [],
): { args: string[]; screen: string; history: string } {
  const home = mkdtempSync(join(tmpdir(), 'aci-paste-'));
  const pasteFile = join(home, 'paste.txt');
  writeFileSync(pasteFile, command);
  const screen = execFileSync(
    'python3',
    [PASTE, shell, bracketed, home, pasteFile, JSON.stringify(answers)],
    { env: { ...vars, PATH: process.env.PATH ?? '' }, timeout: 30_000 },
  ).toString();
  const argsFile = join(home, 'args');
  const args = existsSync(argsFile) ? readFileSync(argsFile, 'utf8').split('\0').slice(0, -1) : [];
  const historyFile = join(home, 'history');
  return { args, screen, history: existsSync(historyFile) ? readFileSync(historyFile, 'utf8') : '' };
}

const PASTE = join(import.meta.dirname, '..', '..', '..', 'support', 'paste.py');

describe('Copy as curl', { timeout: 30_000 }, () => {
  test('the token request repeats with shell variables in place of every secret', () => {
    const curl = curlCommand(lastStep(run, 'token')!.exchanges[0]!, run.secrets, CLIENT);
    expectNoSecret(curl);
    expect(curl).toContain(`--data-raw 'grant_type=authorization_code&code='"$(form "\${CODE}")"'&`);
    expect(curl).toContain(`&code_verifier='"\${CODE_VERIFIER}"`);
    expect(curl).toContain(`-H 'authorization: Basic '"\${BASIC_AUTH}"`);
    for (const v of ['CLIENT_SECRET', 'CODE', 'CODE_VERIFIER'])
      expect(curl).toContain(`[ -n "\${${v}+x}" ] || { printf '%s: ' ${v} >&2; read -rs ${v};`);
    expect(curl).toMatch(/^\{\n[^]*\n\}$/);
    expect(curl).toMatch(/^curl --globoff -X POST 'https:\/\/id\.btgpactual\.com\/oauth2\/token'/m);
    expect(curl).not.toContain('Set first');
    // Replaying it must fail: the command says so, so nobody takes invalid_grant for a new problem.
    expect(curl).toContain('# An authorization code is single-use (RFC 6749 §4.1.2)');
  });

  test('an API call: the access token as $ACCESS_TOKEN, asked for without echo when unset', () => {
    const token = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbmEifQ.c2lnbmF0dXJlLWFwaQ';
    const ex = exchange(
      {
        method: 'GET',
        url: 'https://api.bank.example/accounts',
        headers: { authorization: `Bearer ${token}` },
      },
      '{}',
      'api',
    );
    const curl = curlCommand(ex, [{ kind: 'access_token', value: token }], 'app');
    expect(curl).not.toContain('c2lnbmF0dXJlLWFwaQ');
    expect(curl).toContain(`-H 'authorization: Bearer '"\${ACCESS_TOKEN}"`);
    expect(curl).toContain(
      `[ -n "\${ACCESS_TOKEN+x}" ] || { printf '%s: ' ACCESS_TOKEN >&2; read -rs ACCESS_TOKEN;`,
    );
  });

  test('a pushed signed request: the request object a variable, said how to make a fresh one', () => {
    const jwt = 'eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJhcHAifQ.c2lnbmF0dXJl';
    const ex = exchange(
      {
        method: 'POST',
        url: 'https://op.example/par',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `client_id=app&response_type=code&scope=openid&request=${jwt}`,
      },
      '{"request_uri":"urn:x","expires_in":60}',
      'par',
    );
    const curl = curlCommand(ex, [{ kind: 'request_object', value: jwt }], 'app');
    expect(curl).not.toContain('c2lnbmF0dXJl');
    expect(curl).toContain('${REQUEST_OBJECT}');
    expect(curl).toContain(
      '# REQUEST_OBJECT: the authorization parameters as a JWT (typ oauth-authz-req+jwt',
    );
  });

  test('literal text is single-quoted: nothing in it expands', () => {
    const ex = exchange(
      { method: 'GET', url: 'https://op.example/a?x=$(rm -rf ~)&y="`q`"&z=it\'s!#', headers: {} },
      '',
    );
    expect(curlCommand(ex, [], 'c')).toMatch(
      /^curl --globoff -X GET 'https:\/\/op\.example\/a\?x=\$\(rm -rf ~\)&y="`q`"&z=it'\\''s!#'$/m,
    );
  });

  const secret = `s3cr3t ${NASTY} ü`;
  const code = 'c0de+/=~*';
  const verifier = 'v'.repeat(43);
  const secrets: Secret[] = [
    { kind: 'client_secret', value: secret },
    { kind: 'code', value: code },
    { kind: 'code_verifier', value: verifier },
  ];
  const sent = (tokenEndpoint: string) =>
    authed(
      tokenRequest({
        tokenEndpoint,
        code,
        redirectUri: `https://app.example/cb?next=${encodeURIComponent(NASTY)}`,
        codeVerifier: verifier,
      }),
      secretClient(`client ${NASTY}`, secret),
    );
  const argsOf = (request: Awaited<ReturnType<typeof sent>>) => [
    '--globoff',
    '-X',
    'POST',
    request.url,
    '-H',
    `content-type: ${request.headers['content-type']}`,
    '-H',
    `accept: ${request.headers.accept}`,
    '-H',
    `authorization: ${basicAuthorization(`client ${NASTY}`, secret)}`,
    '--data-raw',
    request.body,
  ];
  const VARS = { CLIENT_SECRET: secret, CODE: code, CODE_VERIFIER: verifier };
  const TERMINALS = [
    ['bash', 'on'],
    ['bash', 'off'],
    ['zsh', 'on'],
    ['zsh', 'off'],
  ] as const;

  test.each(TERMINALS)(
    "pasted into %s (bracketed paste %s), it sends exactly the request the extension sent and runs nothing else, even with ESC[201~, ^U and a newline in the endpoint (written as $'\\xHH')",
    async (shell, bracketed) => {
      // What a hostile discovery document or profile file could hold (the URL rules refuse it too).
      const request = await sent(
        `https://op.example/token?tenant=[a]{b}\u001b[201~\u0015touch ${CANARY}\n\u009b`,
      );
      const command = curlCommand(exchange(request, '{}'), secrets, `client ${NASTY}`);
      // eslint-disable-next-line no-control-regex -- finding control characters is the point
      expect(command).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
      expect(command).toContain(`$'\\x1b'`);
      const { args } = pasteInTerminal(shell, bracketed, command, VARS);
      expect(existsSync(CANARY)).toBe(false);
      expect(args).toEqual(argsOf(request));
    },
  );

  test.each(['bash', 'zsh'] as const)(
    'in %s, an unset secret is asked for without echo, and kept out of the history',
    async (shell) => {
      const request = await sent('https://op.example/token');
      const command = curlCommand(exchange(request, '{}'), secrets, `client ${NASTY}`);
      const { args, screen, history } = pasteInTerminal(
        shell,
        'on',
        command,
        { CODE: code, CODE_VERIFIER: verifier },
        [['CLIENT_SECRET: ', secret]],
      );
      expect(args).toEqual(argsOf(request));
      expect(screen).not.toContain('s3cr3t');
      expect(history).not.toContain('s3cr3t');
      expect(existsSync(CANARY)).toBe(false);
    },
  );
});
