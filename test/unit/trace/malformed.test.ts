import { describe, expect, test } from 'vitest';
import { traceLogins } from '../../../src/trace/analysis/attempts.ts';
import { cleanHar } from '../../../src/trace/analysis/clean-har.ts';
import { readHar } from '../../../src/trace/analysis/har.ts';
import { withEvidence } from '../../../src/trace/analysis/token-evidence.ts';
import { traceMarkdown } from '../../../src/trace/analysis/trace-report.ts';
import { wordsOf } from '../../support/words.ts';
import { malformedHar } from '../../../dev/malformed-har.ts';

const SEEDS = 300;

describe('any HAR is read without breaking (a seeded property test)', () => {
  test(`${SEEDS} malformed files: reading, tracing, checking, the shared copy and the report never throw`, async () => {
    const words = wordsOf('en');
    for (let seed = 1; seed <= SEEDS; seed++) {
      const { text, next } = malformedHar(seed);
      try {
        const read = readHar(text);
        if ('error' in read) continue;
        const trace = await withEvidence(traceLogins(read.entries), read.entries);
        traceMarkdown(trace, 'f.har', words);
        cleanHar(text, { keepOtherBodies: next() < 0.5 });
      } catch (e) {
        throw new Error(`seed ${seed}: ${(e as Error).stack}`, { cause: e });
      }
    }
  });

  test('a status holding a table break, a heading and a link stays inside code in the report', () => {
    const text = JSON.stringify({
      log: {
        entries: [
          {
            startedDateTime: '2026-11-29T12:00:00.000Z',
            request: {
              method: 'GET',
              url: 'https://op.example/authorize?response_type=code&client_id=c&redirect_uri=https%3A%2F%2Fapp.example%2Fcb&state=s',
            },
            response: { status: '200 |\n# Pwned\n[click](https://evil.example)', headers: [] },
          },
        ],
      },
    });
    const read = readHar(text) as { entries: Parameters<typeof traceLogins>[0] };
    expect(read.entries[0]!.response.status).toBe(0);
    const md = traceMarkdown(traceLogins(read.entries), 'f.har', wordsOf('en'));
    expect(md).not.toMatch(/^# Pwned/m);
    expect(md).not.toContain('](https://evil.example)');
  });

  test('entries that cannot be read are skipped and counted; a stray % in a form parameter is kept as it is', () => {
    const read = readHar(
      JSON.stringify({
        log: {
          entries: [
            {
              request: { url: 'https://a.example/' },
              response: { status: 200, headers: [{ value: 'x' }, null] },
            },
            { request: {}, response: {} },
            null,
            {
              request: {
                method: 'POST',
                url: 'https://a.example/t',
                postData: { params: [{ name: 'p', value: '100%' }] },
              },
              response: {},
            },
          ],
        },
      }),
    ) as { entries: Parameters<typeof traceLogins>[0]; skipped: number };
    expect(read.skipped).toBe(2);
    expect(read.entries[0]!.response.headers).toEqual([]);
    expect(read.entries[0]!.startedDateTime).toBe('');
    expect(() => traceLogins(read.entries)).not.toThrow();
  });
});
