import { describe, expect, test } from 'vitest';
import { defaultProfile } from '../../../../src/core/profile/profile.ts';
import { cappedForDisk, DISK_BODY_MAX } from '../../../../src/core/report/withheld.ts';
import { appendStep, newRun } from '../../../../src/core/run/run.ts';

describe('the copy history keeps on disk', () => {
  test('cuts a body over 64 KB to its start and notes its length; a small one is left whole', () => {
    const padded = 'x'.repeat(DISK_BODY_MAX + 5);
    const exchange = (body: string) => ({
      role: 'jwks' as const,
      request: { method: 'GET' as const, url: 'https://op.example/jwks', headers: {} },
      response: { status: 200, statusText: 'OK', headers: {}, body },
      startedAt: 0,
      durationMs: 1,
    });
    const run = appendStep(newRun('r', defaultProfile('https://abc.chromiumapp.org/'), 0), {
      kind: 'jwks',
      status: 'ok',
      at: 0,
      exchanges: [exchange(padded), exchange('{"keys":[]}')],
    });
    const [big, small] = cappedForDisk(run).steps[0]!.exchanges;
    expect(big!.response!.body).toHaveLength(DISK_BODY_MAX);
    expect(big!.response!.bodyCutFrom).toBe(DISK_BODY_MAX + 5);
    expect(small!.response).toEqual(exchange('{"keys":[]}').response);
    expect(run.steps[0]!.exchanges[0]!.response!.body).toBe(padded); // the session copy is untouched
  });
});
