import { beforeAll, describe, expect, test } from 'vitest';
import { buildReport, reportMarkdown } from '../../../src/core/report.ts';
import { buildSampleRun, CLIENT, expectNoSecret, NOW, run } from '../../support/sample-run.ts';

beforeAll(buildSampleRun);

describe('reports', () => {
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
