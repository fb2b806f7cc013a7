import { describe, expect, test } from 'vitest';
import { apiChecks } from '../../../../src/core/checks/action-checks.ts';
import {
  API_BODY_MAX,
  apiCallProblems,
  apiRequest,
  readApiAnswer,
  uuidV4,
  type ApiCall,
} from '../../../../src/core/protocol/api-call.ts';
import type { Exchange } from '../../../../src/core/protocol/http.ts';
import { hintInEnglish, inEnglish } from '../../../support/words.ts';

const NOW = 1_790_000_000_000;
const CALL: ApiCall = { method: 'GET', url: 'https://api.bank.example/accounts', headers: [] };
const problems = (call: Partial<ApiCall>) =>
  apiCallProblems({ ...CALL, ...call }).map((p) => inEnglish(p) ?? '');
const answered = (status: number, headers: Record<string, string> = {}, body = '{}'): Exchange => ({
  role: 'api',
  request: { method: 'GET', url: CALL.url, headers: {} },
  response: { status, statusText: '', headers, body },
  startedAt: NOW,
  durationMs: 3,
});
const CONTEXT = { granted: 'openid accounts', now: NOW };

describe('an API call as written: refused before anything is sent, each problem named', () => {
  test('a good request has no problem; loopback is allowed since the person typed it', () => {
    expect(problems({})).toEqual([]);
    expect(problems({ url: 'http://127.0.0.1:8080/x', method: 'POST', body: '{}' })).toEqual([]);
  });

  test('the URL rules: not http(s), plain http off loopback, a fragment, a control character', () => {
    expect(problems({ url: 'ftp://api.example/x' })[0]).toMatch(/API URL.*ftp:/);
    expect(problems({ url: 'http://api.example/x' })[0]).toMatch(/API URL/);
    expect(problems({ url: 'https://api.example/x#f' })).toHaveLength(1);
    expect(problems({ url: 'https://api.example/x\n' })).toHaveLength(1);
    expect(problems({ url: '' })[0]).toMatch(/API URL/);
  });

  test('rows: the token’s own headers, those a browser will not send, a bad name, a line break; each names its row', () => {
    const said = problems({
      headers: [
        ['Accept', 'application/json'],
        ['Authorization', 'Bearer mine'],
        ['dpop', 'x'],
        ['Cookie', 'a=b'],
        ['Sec-Fetch-Mode', 'cors'],
        ['Proxy-Authorization', 'x'],
        ['bad name', 'x'],
        ['X-Note', 'one\r\nInjected: yes'],
        ['', ''],
      ],
    });
    expect(said).toEqual([
      expect.stringMatching(/^Header 2: Authorization is set by the run/),
      expect.stringMatching(/^Header 3: dpop is set by the run/),
      expect.stringMatching(/^Header 4: a browser does not let an extension send Cookie; use Copy as curl/),
      expect.stringMatching(/^Header 5: .*Sec-Fetch-Mode/),
      expect.stringMatching(/^Header 6: .*Proxy-Authorization/),
      expect.stringMatching(/^Header 7: “bad name” is not a header name/),
      expect.stringMatching(/^Header 8 \(X-Note\): the value holds a line break/),
    ]);
  });

  test('a body over the cap, or with GET', () => {
    expect(problems({ method: 'POST', body: 'x'.repeat(API_BODY_MAX + 1) })[0]).toMatch(
      /Body: 1000001 characters; at most 1000000/,
    );
    expect(problems({ method: 'POST', body: 'x'.repeat(API_BODY_MAX) })).toEqual([]);
    expect(problems({ body: '{}' })[0]).toMatch(/a GET request carries no body/);
  });
});

describe('the request sent and its answer read', () => {
  test('the token under its type’s scheme, the rows, the body with its content type, the interaction id', () => {
    const r = apiRequest(
      {
        ...CALL,
        method: 'POST',
        headers: [
          ['X-Customer', 'c1'],
          ['', ''],
        ],
        body: '{"a":1}',
        contentType: 'application/json',
      },
      'at-1',
      'DPoP',
      'id-1',
    );
    expect(r).toEqual({
      method: 'POST',
      url: CALL.url,
      headers: {
        'x-customer': 'c1',
        'content-type': 'application/json',
        'x-fapi-interaction-id': 'id-1',
        authorization: 'DPoP at-1',
      },
      body: '{"a":1}',
    });
    expect(apiRequest(CALL, 'at-1', 'Bearer').headers).toEqual({ authorization: 'Bearer at-1' });
  });

  test('a version 4 UUID', () => {
    expect(uuidV4((n) => new Uint8Array(n).fill(255))).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    expect(uuidV4((n) => new Uint8Array(n))).toMatch(/^00000000-0000-4000-8000-000000000000$/);
  });

  test('insufficient_scope: the scope wanted against the scopes granted (RFC 6750 §3.1)', () => {
    const refused = (scope?: string) =>
      readApiAnswer(
        answered(403, {
          'www-authenticate': `Bearer error="insufficient_scope"${scope ? `, scope="${scope}"` : ''}`,
        }),
        CONTEXT,
      );
    expect(inEnglish(refused('payments accounts'))).toMatch(/The API answered HTTP 403: insufficient_scope/);
    expect(hintInEnglish(refused('payments accounts'))).toMatch(
      /wants scope “payments accounts”; the token was granted “openid accounts”, so “payments” is missing/,
    );
    expect(hintInEnglish(refused('accounts'))).toMatch(/wants scope “accounts”, which the token was granted/);
    expect(hintInEnglish(refused())).toMatch(/without naming it; the token was granted “openid accounts”/);
  });

  test('a 401 after the token’s expiry says so; invalid_token, invalid_request and a bare 401 each their cause', () => {
    const invalid = answered(401, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
    expect(hintInEnglish(readApiAnswer(invalid, { ...CONTEXT, expiresAt: NOW - 5 * 60_000 }))).toMatch(
      /expired 5 min before this call: press Refresh tokens/,
    );
    expect(hintInEnglish(readApiAnswer(invalid, { ...CONTEXT, expiresAt: NOW + 60_000 }))).toMatch(
      /does not take this access token \(RFC 6750 §3\.1 invalid_token\)/,
    );
    const bad = answered(400, { 'www-authenticate': 'Bearer error="invalid_request"' });
    expect(hintInEnglish(readApiAnswer(bad, CONTEXT))).toMatch(/malformed/);
    expect(hintInEnglish(readApiAnswer(answered(401), CONTEXT))).toMatch(
      /refused the credentials without saying why/,
    );
    expect(readApiAnswer(answered(500), CONTEXT)?.sayHint).toBeUndefined();
    expect(readApiAnswer(answered(204), CONTEXT)).toBeUndefined();
  });

  test('no answer: the mutual TLS an extension cannot do is named', () => {
    const failed: Exchange = {
      role: 'api',
      request: { method: 'GET', url: CALL.url, headers: {} },
      failure: { code: 'network', say: { id: 'httpNetwork', subs: [CALL.url, 'Failed to fetch'] } },
      startedAt: NOW,
      durationMs: 1,
    };
    expect(hintInEnglish(readApiAnswer(failed, CONTEXT))).toMatch(
      /mutual TLS.*cannot present a client certificate/,
    );
  });

  test('checks: 2xx; a 401 carries its challenge; the interaction id echoed, or not', () => {
    const statuses = (ex: Exchange, id?: string) => apiChecks(ex, id).map((c) => [c.id, c.status]);
    expect(statuses(answered(200, { 'x-fapi-interaction-id': 'id-1' }), 'id-1')).toEqual([
      ['api.http', 'pass'],
      ['api.interaction_id', 'pass'],
    ]);
    expect(statuses(answered(200, { 'x-fapi-interaction-id': 'other' }), 'id-1')[1]).toEqual([
      'api.interaction_id',
      'fail',
    ]);
    expect(statuses(answered(401))).toEqual([
      ['api.http', 'fail'],
      ['api.www_authenticate', 'fail'],
    ]);
    expect(statuses(answered(401, { 'WWW-Authenticate': 'Bearer' }))[1]).toEqual([
      'api.www_authenticate',
      'pass',
    ]);
  });
});
