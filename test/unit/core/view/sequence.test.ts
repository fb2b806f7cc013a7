import { describe, expect, test } from 'vitest';
import type { Exchange } from '../../../../src/core/protocol/http.ts';
import { defaultProfile } from '../../../../src/core/profile/profile.ts';
import { appendStep, newRun } from '../../../../src/core/run/run.ts';
import { sequence } from '../../../../src/core/view/sequence.ts';
import { wordsOf } from '../../../support/words.ts';

const en = wordsOf('en');
const OP = 'https://op.example';
const exchange = (method: 'GET' | 'POST', url: string, status?: number, ms = 12): Exchange => ({
  role: 'api',
  request: { method, url, headers: {} },
  ...(status === undefined
    ? { failure: { code: 'network' as const, message: 'Failed to fetch' } }
    : { response: { status, statusText: status === 200 ? 'OK' : 'Bad Request', headers: {}, body: '{}' } }),
  startedAt: 0,
  durationMs: ms,
});

const login = [
  {
    kind: 'discovery' as const,
    status: 'ok' as const,
    at: 0,
    exchanges: [exchange('GET', `${OP}/.well-known/openid-configuration`, 200, 5)],
    note: '',
  },
  {
    kind: 'authorize' as const,
    status: 'ok' as const,
    at: 1000,
    url: `${OP}/authorize?client_id=c`,
    params: [],
    exchanges: [],
  },
  {
    kind: 'callback' as const,
    status: 'ok' as const,
    at: 4500,
    url: 'https://x.chromiumapp.org/?code=abc&state=s',
    exchanges: [],
    params: [
      ['code', 'abc'],
      ['state', 's'],
    ] as [string, string][],
  },
];
const run = (...steps: Parameters<typeof appendStep>[1][]) =>
  [...login, ...steps].reduce(appendStep, newRun('r', defaultProfile('https://x.chromiumapp.org/'), 0));

describe('the sequence diagram of a run', () => {
  test('each request an arrow from its sender, each answer one back with its status and duration', () => {
    const arrows = sequence(
      run({ kind: 'token', status: 'ok', at: 4600, exchanges: [exchange('POST', `${OP}/token`, 200, 35)] }),
      en,
    );
    expect(
      arrows.map((a) => `${a.from}>${a.to} ${a.label} | ${a.detail} | ${a.failed ? 'red' : 'ok'} @${a.step}`),
    ).toEqual([
      'extension>provider GET /.well-known/openid-configuration |  | ok @0',
      'provider>extension 200 OK | HTTP 200 · 5 ms | ok @0',
      'extension>browser opens the login window |  | ok @1',
      'browser>provider GET /authorize |  | ok @1',
      'provider>browser 302 / | login took 3.5 s | ok @2',
      'browser>extension callback: code, state |  | ok @2',
      'extension>provider POST /token |  | ok @3',
      'provider>extension 200 OK | HTTP 200 · 35 ms | ok @3',
    ]);
  });

  test('an HTTP error, a network failure and a failed step end in red', () => {
    const refused = sequence(
      run({ kind: 'token', status: 'failed', at: 4600, exchanges: [exchange('POST', `${OP}/token`, 400)] }),
      en,
    ).at(-1)!;
    expect(refused).toMatchObject({ label: '400 Bad Request', failed: true, step: 3 });
    const unreachable = sequence(
      run({ kind: 'token', status: 'failed', at: 4600, exchanges: [exchange('POST', `${OP}/token`)] }),
      en,
    ).at(-1)!;
    expect(unreachable).toMatchObject({ label: 'no answer', detail: 'network · in 12 ms', failed: true });
    const forged = run();
    forged.steps[2] = {
      ...forged.steps[2]!,
      status: 'failed',
      error: { code: 'state_mismatch', message: 'x' },
    };
    expect(sequence(forged, en).at(-1)).toMatchObject({
      from: 'browser',
      to: 'extension',
      detail: 'The callback’s state is not the one sent: forged or stale',
      failed: true,
    });
  });
});

describe('actions that fetch keys show them, as refresh does', () => {
  test('a signed UserInfo answer and the JWKS fetched to verify it: both arrows, in order', () => {
    const arrows = sequence(
      run({
        kind: 'userinfo',
        status: 'ok',
        at: 5000,
        exchanges: [exchange('GET', `${OP}/userinfo`, 200, 9), exchange('GET', `${OP}/jwks`, 200, 4)],
      }),
      en,
    ).filter((a) => a.step === 3);
    expect(arrows.map((a) => `${a.from}>${a.to} ${a.label}`)).toEqual([
      'extension>provider GET /userinfo',
      'provider>extension 200 OK',
      'extension>provider GET /jwks',
      'provider>extension 200 OK',
    ]);
  });
});

describe('a login window that failed', () => {
  test('says why in words, never an error id, and draws the request read again', () => {
    let run = newRun('r', defaultProfile('https://x.chromiumapp.org/'), 0);
    run = appendStep(run, login[1]!);
    run = appendStep(run, {
      kind: 'callback',
      status: 'failed',
      at: 2000,
      params: [],
      exchanges: [exchange('GET', `${OP}/authorize?client_id=c`, 400, 7)],
      error: { code: 'login_refused' },
    });
    const arrows = sequence(run, en);
    const details = arrows.map((a) => a.detail).join(' | ');
    expect(details).toContain('The provider refused the authorization request');
    expect(details).not.toMatch(/login_refused/);
    expect(arrows.at(-1)).toMatchObject({
      from: 'provider',
      to: 'extension',
      label: '400 Bad Request',
      failed: true,
    });
  });
});
