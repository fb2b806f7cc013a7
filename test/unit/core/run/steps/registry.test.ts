import { describe, expect, test } from 'vitest';
import { rfc, type Check } from '../../../../../src/core/checks/check.ts';
import { LOGIN_STEPS, type Step } from '../../../../../src/core/run/run.ts';
import { ACTION_KINDS, CHECK_GROUPS, STEPS } from '../../../../../src/core/run/steps/index.ts';
import {
  actionButtons,
  checkTables,
  exchangeNameId,
  ownExchange,
} from '../../../../../src/core/view/step-kinds.ts';
import type { Exchange } from '../../../../../src/core/protocol/http.ts';
import { wordsOf } from '../../../../support/words.ts';

const check = (id: string): Check => ({ id, status: 'pass', expected: '', actual: '', ...rfc(6749, '1') });
const en = wordsOf('en');

describe('the step registry: one entry per kind, from which the pages and reports read', () => {
  test('the login’s kinds are exactly those that are not actions', () => {
    const kinds = Object.keys(STEPS);
    expect(kinds.filter((k) => !(ACTION_KINDS as string[]).includes(k))).toEqual([...LOGIN_STEPS]);
  });

  test('every title, caption, exchange name and button label is a message in both languages', () => {
    const pt = wordsOf('pt_BR');
    const ids = [
      ...Object.values(STEPS).map((d) => d.title),
      ...CHECK_GROUPS.map(([, caption]) => caption),
      ...actionButtons().map(([label]) => label),
    ];
    for (const id of ids) {
      expect(en.t(id), id).not.toBe('');
      expect(pt.t(id), id).not.toBe('');
    }
  });

  test('an action’s buttons are its requests: a hint-taking kind names its token, the others do not', () => {
    expect(actionButtons().map(([, request]) => request)).toEqual([
      { action: 'refresh' },
      { action: 'userinfo' },
      { action: 'introspection', token: 'access_token' },
      { action: 'introspection', token: 'refresh_token' },
      { action: 'revocation', token: 'access_token' },
      { action: 'revocation', token: 'refresh_token' },
      { action: 'jwks' },
    ]);
  });

  test('a step’s exchanges are named by role: its own request by its kind, the others by their role', () => {
    const ex = (role: Exchange['role']): Exchange => ({
      role,
      request: { method: 'GET', url: 'https://op.example/x', headers: {} },
      startedAt: 0,
      durationMs: 1,
    });
    // Out of order on purpose: nothing is named by its place.
    const exchanges = [ex('jwks-again'), ex('token'), ex('jwks')];
    const refresh = { kind: 'refresh', status: 'ok', at: 0, exchanges } as Step;
    expect(exchanges.map((e) => exchangeNameId(refresh, e))).toEqual([
      'exchangeJwksAgain',
      'stepRefresh',
      'exchangeJwks',
    ]);
    expect(ownExchange(refresh)).toBe(exchanges[1]);
    // The token step names its own request "Token"; a retry the transport made of it is its answer.
    const retried = [ex('token'), ex('nonce-retry'), ex('jwks')];
    const token = { kind: 'token', status: 'ok', at: 0, exchanges: retried } as Step;
    expect(exchangeNameId(token, retried[0]!)).toBe('exchangeToken');
    expect(exchangeNameId(token, retried[1]!)).toBe('exchangeNonceRetry');
    expect(ownExchange(token)).toBe(retried[1]);
    expect(ownExchange({ kind: 'validation', status: 'ok', at: 0, exchanges: [ex('jwks')] })).toBe(undefined);
  });
});

describe('the check tables', () => {
  test('follow the run’s steps, and a check no group claims is shown under “Other checks”, never dropped', () => {
    const tables = checkTables([
      check('id_token.iss'),
      check('discovery.issuer'),
      check('par.request_uri'),
      check('dpop.htu'),
      check('trace.grant'),
      check('refresh.token.http'),
    ]);
    expect(tables.map((t) => [en.t(t.caption), t.rows.map((c) => c.id)])).toEqual([
      ['Discovery checks', ['discovery.issuer']],
      ['Pushed authorization response checks', ['par.request_uri']],
      ['ID token checks', ['id_token.iss']],
      ['Refresh checks', ['refresh.token.http']],
      ['Trace checks', ['trace.grant']],
      ['Other checks', ['dpop.htu']],
    ]);
  });
});
