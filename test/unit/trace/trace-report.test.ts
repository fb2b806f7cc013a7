import { describe, expect, test } from 'vitest';
import { traceLogins, type Trace } from '../../../src/trace/analysis/attempts.ts';
import { cleanHar } from '../../../src/trace/analysis/clean-har.ts';
import { readHar, type HarEntry } from '../../../src/trace/analysis/har.ts';
import { traceMarkdown, withCauses } from '../../../src/trace/analysis/trace-report.ts';
import { wordsOf } from '../../support/words.ts';
import { inEnglish } from '../../support/words.ts';

describe('the trace report (Markdown for a ticket)', () => {
  test('provider text stays in code and on its line', () => {
    const trace: Trace = {
      hosts: ['op.example'],
      notes: [{ say: { id: 'harUnreadable', subs: ['<b>'] } }],
      attempts: [
        {
          clientId: 'app`|x',
          issuer: 'https://op.example',
          events: [
            {
              at: 't',
              kind: 'authorize',
              method: 'GET',
              url: 'https://op.example/a?x=1\n# Heading',
              status: 302,
            },
          ],
          checks: [
            {
              id: 'trace.state',
              title: 'State echoed in the callback',
              spec: 'RFC 6749 §4.1.2',
              specUrl: 'https://r',
              status: 'fail',
              expected: 's',
              actual: 'evil\r\n![i](u)',
            },
          ],
          diagnosis: [
            {
              say: { id: 'dxProviderAnswered', subs: ['access_denied', '[x](y)'] },
            },
          ],
          tokens: [],
          evidence: {},
        },
      ],
    };
    trace.attempts.push({ ...trace.attempts[0]!, grant: 'pass|word\n# x', clientId: 'mobile' });
    const md = traceMarkdown(trace, 'x.har', wordsOf('en'));
    expect(md).toContain('## Token request 2: `mobile` at `https://op.example`, grant `pass\\|word # x`');
    expect(md).toContain("## Login 1: `app'\\|x` at `https://op.example`");
    expect(md.split('\n').some((l) => l.startsWith('# Heading'))).toBe(false);
    expect(md).toContain('| ✗ fail | State echoed in the callback | `s` | `evil ![i](u)` |');
    expect(md).toContain('- The provider answered access_denied: \\[x](y)');
    expect(md).toContain('> The HAR could not be read: \\<b>');
  });
});

describe('the report’s causes come from the original file', () => {
  test('a provider’s error page the copy leaves out still names its error, with the copy’s secrets removed', () => {
    const entries = [
      {
        startedDateTime: '2026-11-29T12:00:00.000Z',
        request: {
          method: 'GET',
          url: 'https://op.example/authorize?response_type=code&client_id=web&redirect_uri=https%3A%2F%2Fapp.example%2Fcb&state=s1&login_hint=ana&id_token_hint=hint-secret-value-123',
          headers: [],
        },
        response: { status: 302, headers: [] },
      },
      {
        startedDateTime: '2026-11-29T12:00:01.000Z',
        request: { method: 'GET', url: 'https://op.example/login', headers: [] },
        response: {
          status: 400,
          headers: [],
          content: {
            mimeType: 'text/html',
            text: '<span id="kc-error-message"><p>Invalid id_token_hint hint-secret-value-123</p></span>',
          },
        },
      },
    ];
    const text = JSON.stringify({ log: { version: '1.2', entries } });
    const original = traceLogins((readHar(text) as { entries: HarEntry[] }).entries);
    const { text: copy, clean } = cleanHar(text, { keepOtherBodies: false });
    const fromCopy = traceLogins((readHar(copy) as { entries: HarEntry[] }).entries);
    // The copy has no page body: on its own it can only say the callback never came.
    expect(inEnglish(fromCopy.attempts[0]!.diagnosis[0])).toMatch(/^The callback never came/);
    const report = withCauses(fromCopy, original, clean);
    const [cause] = report.attempts[0]!.diagnosis;
    expect(inEnglish(cause)).toBe(
      'op.example showed its own error, Keycloak: “Invalid id_token_hint [redacted]”.',
    );
    expect(JSON.stringify(cause!.say)).not.toContain('hint-secret-value-123');
  });
});
