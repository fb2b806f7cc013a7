import { beforeAll, describe, expect, test } from 'vitest';
import { curlCommand } from '../../../src/core/curl.ts';
import { lastStep } from '../../../src/core/view/steps.ts';
import { buildSampleRun, CLIENT, exchange, expectNoSecret, run } from '../../support/sample-run.ts';

beforeAll(buildSampleRun);

describe('Copy as curl', () => {
  test('the token request repeats with shell variables in place of every secret', () => {
    const curl = curlCommand(lastStep(run, 'token')!.exchange!, run.secrets, CLIENT);
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
