import { describe, expect, test } from 'vitest';
import { defaultProfile } from '../../../../src/core/profile/profile.ts';
import { addSecrets, appendStep, interruptRun, newRun } from '../../../../src/core/run/run.ts';

const NOW = 1_790_000_000_000; // a frozen clock for everything below

describe('the Run record', () => {
  const run = addSecrets(newRun('r1', defaultProfile('https://x.chromiumapp.org/'), NOW), {
    client_secret: 'secret',
  });

  test('secrets are collected once each with their kind, empty values skipped', () => {
    const more = addSecrets(addSecrets(run, { code: 'c0de', state: '' }), {
      code: 'c0de',
      client_secret: 'secret',
    });
    expect(more.secrets).toEqual([
      { kind: 'client_secret', value: 'secret' },
      { kind: 'code', value: 'c0de' },
    ]);
  });

  test('a running run found by a fresh worker becomes interrupted, keeping its steps', () => {
    const started = appendStep(run, {
      kind: 'authorize',
      status: 'ok',
      at: NOW,
      url: 'https://op/auth',
      params: [],
      exchanges: [],
    });
    const interrupted = interruptRun(started, NOW + 1);
    expect(interrupted).toMatchObject({
      status: 'interrupted',
      finishedAt: NOW + 1,
      error: { code: 'interrupted' },
    });
    expect(interrupted.steps).toEqual(started.steps);
    const done = { ...started, status: 'done' as const };
    expect(interruptRun(done, NOW)).toBe(done);
  });
});
