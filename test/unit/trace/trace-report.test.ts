import { describe, expect, test } from 'vitest';
import type { Trace } from '../../../src/trace/analysis/attempts.ts';
import { traceMarkdown } from '../../../src/trace/analysis/trace-report.ts';
import { wordsOf } from '../../support/words.ts';

describe('the trace report (Markdown for a ticket)', () => {
  test('provider text stays in code and on its line', () => {
    const trace: Trace = {
      hosts: ['op.example'],
      notes: [{ message: 'The HAR could not be read: <b>', say: { id: 'harUnreadable', subs: ['<b>'] } }],
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
              message: 'The provider answered access_denied: [x](y)',
              say: { id: 'dxProviderAnswered', subs: ['access_denied', '[x](y)'] },
            },
          ],
          tokens: [],
          evidence: {},
        },
      ],
    };
    const md = traceMarkdown(trace, 'x.har', wordsOf('en'));
    expect(md).toContain("## Login 1: `app'\\|x` at `https://op.example`");
    expect(md.split('\n').some((l) => l.startsWith('# Heading'))).toBe(false);
    expect(md).toContain('| fail | State echoed in the callback | `s` | `evil ![i](u)` |');
    expect(md).toContain('- The provider answered access_denied: \\[x](y)');
    expect(md).toContain('> The HAR could not be read: \\<b>');
  });
});
