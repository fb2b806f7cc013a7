import { describe, expect, test } from 'vitest';
import { MIGRATIONS, migrateRun } from '../../../../src/core/run/migrations/index.ts';
import { newRun, RUN_SCHEMA } from '../../../../src/core/run/run.ts';
import { defaultProfile } from '../../../../src/core/profile/profile.ts';

const profile = defaultProfile('https://abc.chromiumapp.org/');

/** A run as version 1 stored it: English words only (before message ids), and the storage note. */
const v1Run = (extra: Record<string, unknown> = {}) => ({
  schema: 1,
  id: 'old-run',
  createdAt: 1_700_000_000_000,
  finishedAt: 1_700_000_001_000,
  status: 'failed',
  profile,
  redacted: true,
  secrets: [],
  error: { code: 'token_error', message: 'The token endpoint answered HTTP 401: invalid_client' },
  steps: [
    { kind: 'authorize', status: 'ok', at: 1, url: 'https://op.example/authorize?x=1', params: [['x', '1']] },
    {
      kind: 'token',
      status: 'failed',
      at: 2,
      error: { code: 'token_error', message: 'The token endpoint answered HTTP 401: invalid_client' },
    },
  ],
  ...extra,
});

/** An exchange as older versions stored it: no role. */
const ex = (url: string) => ({ request: { method: 'GET', url, headers: {} }, startedAt: 0, durationMs: 1 });

describe('stored runs age well: numbered migrations, applied when a run is read', () => {
  test('every older version has its migration, so raising the schema without one fails here', () => {
    for (let version = 1; version < RUN_SCHEMA; version++)
      expect(MIGRATIONS[version], `${version}`).toBeTypeOf('function');
  });

  test('a version 1 run opens: the storage note becomes the fact, its stored words stay as they were', () => {
    const run = migrateRun(
      v1Run({
        storageNote: 'The browser’s session storage is full, so this run is kept without the bodies.',
      }),
    );
    expect(run?.schema).toBe(RUN_SCHEMA);
    expect(run?.keptWithoutBodies).toBe(true);
    expect(run).not.toHaveProperty('storageNote');
    // Runs stored before message ids keep showing their stored text.
    expect(run?.error).toEqual({
      code: 'token_error',
      message: 'The token endpoint answered HTTP 401: invalid_client',
    });
    expect(run?.steps).toEqual(v1Run().steps.map((s) => ({ ...s, exchanges: [] })));
    expect(migrateRun(v1Run())).not.toHaveProperty('keptWithoutBodies');
  });

  test('a version 2 run opens with every step’s exchanges in one list: its own request first, then JWKS', () => {
    const run = migrateRun({
      ...v1Run(),
      schema: 2,
      steps: [
        { kind: 'discovery', status: 'ok', at: 1, note: '', exchange: ex('https://op/.well-known') },
        { kind: 'validation', status: 'ok', at: 2, exchanges: [ex('https://op/jwks')] },
        {
          kind: 'userinfo',
          status: 'ok',
          at: 3,
          exchange: ex('https://op/me'),
          exchanges: [ex('https://op/jwks')],
        },
        { kind: 'token', status: 'running', at: 4 },
      ],
    });
    expect(run?.steps.map((s) => s.exchanges.map((e) => e.request.url))).toEqual([
      ['https://op/.well-known'],
      ['https://op/jwks'],
      ['https://op/me', 'https://op/jwks'],
      [],
    ]);
    expect(run?.steps.some((s) => 'exchange' in s)).toBe(false);
  });

  test('a version 3 run opens with a role on every exchange: its kind’s own request, then JWKS, JWKS again', () => {
    const run = migrateRun({
      ...v1Run(),
      schema: 3,
      steps: [
        { kind: 'discovery', status: 'ok', at: 1, note: '', exchanges: [ex('https://op/.well-known')] },
        { kind: 'callback', status: 'failed', at: 2, params: [], exchanges: [ex('https://op/authorize')] },
        { kind: 'token', status: 'ok', at: 3, exchanges: [ex('https://op/token'), ex('https://op/jwks')] },
        {
          kind: 'validation',
          status: 'ok',
          at: 4,
          exchanges: [ex('https://op/jwks'), ex('https://op/jwks')],
        },
        {
          kind: 'refresh',
          status: 'ok',
          at: 5,
          previous: {},
          exchanges: [ex('https://op/token'), ex('https://op/jwks'), ex('https://op/jwks')],
        },
        { kind: 'jwks', status: 'ok', at: 6, exchanges: [ex('https://op/jwks')] },
        { kind: 'revocation', status: 'ok', at: 7, token: 'access_token', exchanges: [ex('https://op/r')] },
      ],
    });
    expect(run?.steps.map((s) => s.exchanges.map((e) => e.role))).toEqual([
      ['discovery'],
      ['authorize-reread'],
      ['token', 'jwks'],
      ['jwks', 'jwks-again'],
      ['token', 'jwks', 'jwks-again'],
      ['jwks'],
      ['revocation'],
    ]);
  });

  test('a run of this version is read as it is', () => {
    const run = newRun('now', profile, 5);
    expect(migrateRun(run)).toBe(run);
  });

  test('what is not a run, or a run of a newer version, is not read', () => {
    expect(migrateRun({ ...v1Run(), schema: RUN_SCHEMA + 1 })).toBeUndefined();
    expect(migrateRun({ ...v1Run(), schema: 0 })).toBeUndefined();
    expect(migrateRun({ ...v1Run(), schema: '1' })).toBeUndefined();
    expect(migrateRun({ ...v1Run(), steps: 'a new shape' })).toBeUndefined();
    expect(migrateRun(null)).toBeUndefined();
    expect(migrateRun([v1Run()])).toBeUndefined();
  });
});
