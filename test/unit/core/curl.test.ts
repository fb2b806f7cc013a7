import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { curlCommand } from '../../../src/core/curl.ts';
import type { Secret } from '../../../src/core/run.ts';
import { basicAuthorization, tokenRequest } from '../../../src/core/token.ts';
import { lastStep } from '../../../src/core/view/steps.ts';
import { buildSampleRun, CLIENT, exchange, expectNoSecret, run } from '../../support/sample-run.ts';

beforeAll(buildSampleRun);

const canaryDir = mkdtempSync(join(tmpdir(), 'aci-curl-'));
const CANARY = join(canaryDir, 'ran');
/** Every character a shell treats specially, and a command that must never run. */
const NASTY = `!# ' " $ \\ \` ( ) * ~ : % + & ; | < > !! !-1 $(touch ${CANARY}) \`touch ${CANARY}\``;

/**
 * Pastes `command` into an interactive bash (history expansion on, as a person's terminal has it)
 * where `curl` only prints the arguments it was given; returns them.
 */
function pasteIntoBash(command: string, vars: Record<string, string>): string[] {
  const fakeCurl = `curl() { printf '%s\\0' "$@" > ${join(canaryDir, 'args')}; }`;
  const out = execFileSync('bash', ['--norc', '--noprofile', '-i'], {
    input: `${fakeCurl}\n${command}\nexit\n`,
    env: { ...vars, PATH: process.env.PATH ?? '', HISTFILE: '/dev/null', HOME: canaryDir },
    stdio: ['pipe', 'pipe', 'pipe'],
    timeout: 30_000,
  });
  expect(out.toString()).toBe('');
  return execFileSync('cat', [join(canaryDir, 'args')])
    .toString()
    .split('\0')
    .slice(0, -1);
}

// Spawns bash: its own timeout, as a loaded machine starts processes slowly.
describe('Copy as curl', { timeout: 30_000 }, () => {
  test('the token request repeats with shell variables in place of every secret', () => {
    const curl = curlCommand(lastStep(run, 'token')!.exchange!, run.secrets, CLIENT);
    expectNoSecret(curl);
    expect(curl).toContain(`--data-raw 'grant_type=authorization_code&code='"$(form "\${CODE}")"'&`);
    expect(curl).toContain(`&code_verifier='"\${CODE_VERIFIER}"`);
    expect(curl).toContain(`-H 'authorization: Basic '"\${BASIC_AUTH}"`);
    expect(curl).toContain("# Set first: CLIENT_SECRET='…' CODE='…' CODE_VERIFIER='…'");
    expect(curl).toMatch(/^curl --globoff -X POST 'https:\/\/id\.btgpactual\.com\/oauth2\/token'/m);
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

  test('pasted into interactive bash, it sends exactly the request the extension sent, and runs nothing else', () => {
    const secret = `s3cr3t ${NASTY} ü`;
    const code = 'c0de+/=~*';
    const verifier = 'v'.repeat(43);
    const request = tokenRequest({
      tokenEndpoint: 'https://op.example/token?tenant=[a]{b}',
      code,
      redirectUri: `https://app.example/cb?next=${encodeURIComponent(NASTY)}`,
      clientId: `client ${NASTY}`,
      clientSecret: secret,
      codeVerifier: verifier,
    });
    const secrets: Secret[] = [
      { kind: 'client_secret', value: secret },
      { kind: 'code', value: code },
      { kind: 'code_verifier', value: verifier },
    ];
    const command = curlCommand(exchange(request, '{}'), secrets, `client ${NASTY}`);
    const args = pasteIntoBash(command, { CLIENT_SECRET: secret, CODE: code, CODE_VERIFIER: verifier });
    expect(existsSync(CANARY)).toBe(false);
    expect(args).toEqual([
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
    ]);
  });
});
