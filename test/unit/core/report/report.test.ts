import { beforeAll, describe, expect, test } from 'vitest';
import { rfc, type Check } from '../../../../src/core/checks/check.ts';
import { buildReport, reportMarkdown } from '../../../../src/core/report/report.ts';
import { wordsOf } from '../../../support/words.ts';
import { appendStep } from '../../../../src/core/run/run.ts';
import { tokenResponseChecks } from '../../../../src/core/checks/token-checks.ts';
import {
  buildSampleRun,
  CLIENT,
  exchange,
  expectNoSecret,
  NOW,
  REFRESH,
  run,
} from '../../../support/sample-run.ts';

beforeAll(buildSampleRun);
const en = wordsOf('en');

describe('reports', () => {
  test('the JSON and Markdown reports are redacted, and say what they are about', () => {
    const report = buildReport(run, {
      extensionVersion: '0.1.0',
      browser: 'Chromium 156',
      generatedAt: NOW,
      words: en,
    });
    const markdown = reportMarkdown(report, en);
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

  test('check titles are written once, in the message files: the checks carry ids, reports name them', () => {
    const token = run.steps.find((s) => s.kind === 'token')!;
    const checks = tokenResponseChecks(token.exchanges[0]!, token.fields, 'openid');
    expect(checks.some((c) => 'title' in c)).toBe(false);
    const checked = { ...run, steps: run.steps.map((s) => (s === token ? { ...s, checks } : s)) };
    const context = { extensionVersion: '0', browser: 'b', generatedAt: NOW };
    const report = buildReport(checked, { ...context, words: en });
    expect(report.checkTitles['token.http']).toBe('Token endpoint answer');
    expect(reportMarkdown(report, en)).toContain('| Token endpoint answer |');
    const pt = buildReport(checked, { ...context, words: wordsOf('pt_BR') });
    expect(pt.checkTitles['token.access_token']).toBe('Access token emitido');
  });

  test('the Markdown report carries every action step, in order, with its exchange, checks and outcome', () => {
    const post = (path: string, body: string) => ({
      method: 'POST' as const,
      url: `https://id.btgpactual.com/oauth2/${path}`,
      headers: {},
      body,
    });
    let acted = appendStep(run, {
      kind: 'refresh',
      status: 'ok',
      at: NOW,
      exchanges: [
        exchange(post('token', `grant_type=refresh_token&refresh_token=${REFRESH}`), '{}'),
        exchange({ method: 'GET', url: 'https://id.btgpactual.com/jwks', headers: {} }, '{}', 'jwks'),
      ],
    });
    acted = appendStep(acted, {
      kind: 'userinfo',
      status: 'failed',
      at: NOW,
      exchanges: [
        exchange({ method: 'GET', url: 'https://id.btgpactual.com/userinfo', headers: {} }, '', 'userinfo'),
      ],
      error: { code: 'provider_error', message: 'UserInfo answered HTTP 401.' },
    });
    acted = appendStep(acted, {
      kind: 'introspection',
      token: 'access_token',
      status: 'ok',
      at: NOW,
      exchanges: [exchange(post('introspect', 'token=x'), '{"active":true}', 'introspection')],
    });
    acted = appendStep(acted, {
      kind: 'revocation',
      token: 'refresh_token',
      status: 'ok',
      at: NOW,
      exchanges: [exchange(post('revoke', 'token=y'), '', 'revocation')],
    });
    const markdown = reportMarkdown(
      buildReport(acted, { extensionVersion: '0', browser: 'b', generatedAt: NOW, words: en }),
      en,
    );
    const headings = markdown.split('\n').filter((l) => l.startsWith('### '));
    expect(headings.slice(-5)).toEqual([
      '### Refresh',
      '### JWKS',
      '### UserInfo',
      '### Introspection of the access token',
      '### Revocation (refresh_token)',
    ]);
    expect(markdown).toContain('**failed**: `UserInfo answered HTTP 401.`');
    expect(markdown).toContain('"active":true');
    expectNoSecret(markdown);
  });

  test('provider data cannot break out of the Markdown code', () => {
    const nasty = {
      ...run,
      profile: { ...run.profile, clientId: 'x` | ![img](https://evil.example/t.png) `' },
    };
    const markdown = reportMarkdown(
      buildReport(nasty, { extensionVersion: '0', browser: 'b', generatedAt: NOW, words: en }),
      en,
    );
    expect(markdown).toContain("`x' \\| ![img](https://evil.example/t.png) '`");
  });

  test.each([
    ['\n', 'line feed'],
    ['\r', 'carriage return'],
    ['\r\n', 'CRLF'],
    ['\u2028', 'line separator'],
    ['\u2029', 'paragraph separator'],
  ])('a %j (%s) in provider text never starts a line of its own', (ending) => {
    const nasty = {
      ...run,
      profile: { ...run.profile, clientId: `x${ending}# Heading${ending}<img src=x onerror=alert(1)>` },
      steps: run.steps.map((step) =>
        step.checks
          ? step
          : {
              ...step,
              checks: [
                {
                  id: 'x.y',
                  title: `T${ending}## injected <b>[link](u)!|`,
                  spec: 'RFC 1',
                  specUrl: 'https://r',
                  status: 'fail' as const,
                  expected: `a${ending}b`,
                  actual: `c${ending}| d`,
                },
              ],
            },
      ),
    };
    const markdown = reportMarkdown(
      buildReport(nasty, { extensionVersion: '0', browser: 'b', generatedAt: NOW, words: en }),
      en,
    );
    const lines = markdown.split(/\r\n|[\r\n\u0085\u2028\u2029]/);
    expect(lines.some((l) => /^\s*#+ (Heading|injected)/.test(l))).toBe(false);
    expect(lines.some((l) => l.startsWith('<img'))).toBe(false);
    expect(markdown).toContain('| ✗ fail | T ## injected \\<b>\\[link](u)\\!\\| | `a b` | `c \\| d` |');
  });

  test('a secret too short to search free text for is named in the report', () => {
    const short = { ...run, secrets: [...run.secrets, { kind: 'code' as const, value: 'c0de' }] };
    const report = buildReport(short, { extensionVersion: '0', browser: 'b', generatedAt: NOW, words: en });
    expect(report.notes).toEqual([
      expect.stringMatching(/^The authorization code has fewer than 12 characters/),
    ]);
    expect(reportMarkdown(report, en)).toContain('> The authorization code has fewer than 12 characters');
  });

  test('a report follows the interface language and keeps the check ids', () => {
    const pt = wordsOf('pt_BR');
    const state: Check = {
      id: 'callback.state',
      title: 'State matches the one sent',
      ...rfc(6749, '10.12'),
      status: 'pass',
      expected: 's',
      actual: 's',
    };
    const checked = {
      ...run,
      steps: run.steps.map((step, i) => (i === 0 ? { ...step, checks: [state] } : step)),
    };
    const markdown = reportMarkdown(
      buildReport(checked, { extensionVersion: '0', browser: 'b', generatedAt: NOW, words: pt }),
      pt,
    );
    expect(markdown).toContain('# Relatório do Auth Code Inspector');
    expect(markdown).toContain('| Situação | Verificação | Esperado | Obtido | Regra | id |');
    expect(markdown).not.toMatch(/\bpass\b|\bdone\b|\boff\b/);
    expect(markdown).toMatch(/\| ✓ passou \| State confere com o enviado \| .* \| `callback\.state` \|/);
  });
});
