import { describe, expect, test } from 'vitest';
import type { FlowErrorInfo } from '../../../../src/core/flow-error.ts';
import { defaultProfile } from '../../../../src/core/profile/profile.ts';
import { appendStep, finishRun, newRun, type Run } from '../../../../src/core/run/run.ts';
import { headlineText } from '../../../../src/core/view/headline.ts';
import { wordsOf } from '../../../support/words.ts';

const en = wordsOf('en');
const pt = wordsOf('pt_BR');
const profile = { ...defaultProfile('https://abc.chromiumapp.org/'), clientId: 'app' };
const warned = {
  id: 'discovery.https',
  spec: '',
  specUrl: '',
  status: 'warn' as const,
  expected: 'https URLs',
  actual: 'http://127.0.0.1',
};
const passed = { ...warned, id: 'discovery.issuer', status: 'pass' as const };
const discovered = appendStep(newRun('r', profile, 0), {
  kind: 'discovery',
  status: 'ok',
  at: 0,
  note: '',
  exchanges: [],
  checks: [passed, warned],
});

const failedAtWindow = (error: FlowErrorInfo): Run =>
  finishRun(
    appendStep(discovered, { kind: 'callback', status: 'failed', at: 1, params: [], exchanges: [], error }),
    2,
    error,
  );

describe('headlines that never contradict themselves', () => {
  test('a failed login leads with where and why, names its warnings, and never says its checks passed', () => {
    const refused = failedAtWindow({ code: 'login_refused', loginWindow: 'not_loaded' });
    expect(headlineText(refused, en)).toBe(
      'Failed at the login window: the provider refused the authorization request · 1 warning: Endpoints use HTTPS: https URLs',
    );
    expect(headlineText(refused, pt)).toBe(
      'Falha na janela de login: o provedor recusou a requisição de autorização · 1 aviso: Endpoints usam HTTPS: https URLs',
    );
  });

  test('the history tells login-window failures apart: refused, closed by the person, not loaded', () => {
    const why = (error: FlowErrorInfo) => headlineText(failedAtWindow(error), en).split(' · ')[0];
    expect(why({ code: 'login_cancelled', loginWindow: 'closed' })).toBe(
      'Failed at the login window: the window was closed before the provider sent the browser back',
    );
    expect(why({ code: 'login_failed', loginWindow: 'not_loaded' })).toBe(
      'Failed at the login window: the login page did not load',
    );
    // A run stored before the kind was kept.
    expect(why({ code: 'login_failed' })).toBe(
      'Failed at the login window: the browser could not complete the login',
    );
  });

  test('a token refusal says its status; a finished login counts its checks', () => {
    const error: FlowErrorInfo = { code: 'token_http_error', actual: '401' };
    const token = finishRun(
      appendStep(discovered, { kind: 'token', status: 'failed', at: 1, exchanges: [], error }),
      2,
      error,
    );
    expect(headlineText(token, en)).toMatch(
      /^Failed at the token endpoint: the provider refused the token request \(HTTP 401\) · 1 warning/,
    );
    expect(headlineText(finishRun(discovered, 1), en)).toBe(
      'Tokens received · All 2 checks passed, 1 warning: Endpoints use HTTPS: https URLs',
    );
  });
});
