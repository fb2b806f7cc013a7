import { describe, expect, test } from 'vitest';
import type { Exchange } from '../../../../src/core/protocol/http.ts';
import {
  loginWindowError,
  providerVerdict,
  rereadAfter,
  rereadRequest,
} from '../../../../src/core/protocol/login-window.ts';
import { errorInEnglish } from '../../../support/words.ts';

const AUTHORIZE = 'https://op.example.test/oauth2/authorize?client_id=app&state=s';
const CONTEXT = {
  redirectUri: 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/',
  clientId: 'app',
  issuer: 'https://op.example.test',
};
const NOT_LOADED = { kind: 'not_loaded' as const, message: 'Authorization page could not be loaded.' };
const CLOSED = { kind: 'closed' as const, message: 'The user did not approve access.' };

const answered = (status: number, body: string, contentType = 'text/html'): Exchange => ({
  role: 'authorize-reread',
  request: rereadRequest(AUTHORIZE),
  response: {
    status,
    statusText: status === 200 ? 'OK' : 'Bad Request',
    headers: { 'content-type': contentType },
    body,
  },
  startedAt: 0,
  durationMs: 5,
});

describe('the authorization request read again after the login window failed', () => {
  test('is sent without cookies or redirects, only after a window that closed or did not load', () => {
    expect(rereadRequest(AUTHORIZE)).toMatchObject({ method: 'GET', url: AUTHORIZE });
    expect(['closed', 'not_loaded', 'wrong_url', 'other'].filter((k) => rereadAfter(k as never))).toEqual([
      'closed',
      'not_loaded',
    ]);
  });

  test('an error answer is the provider’s refusal, in its words, with the fix for its cause', () => {
    const page =
      '<pre><strong>error</strong>: invalid_redirect_uri</pre><pre><strong>error_description</strong>: redirect_uri did not match</pre>';
    const verdict = providerVerdict(answered(400, page));
    const error = errorInEnglish(loginWindowError(NOT_LOADED, verdict, CONTEXT));
    expect(error.code).toBe('login_refused');
    expect(error.message).toBe(
      'The provider refused the authorization request: invalid_redirect_uri “redirect_uri did not match”',
    );
    expect(error.hint).toContain(`register ${CONTEXT.redirectUri} for this client`);
    expect(error.refusal).toMatchObject({ error: 'invalid_redirect_uri', cause: 'redirect_uri' });
    expect(error.actual).toBe(NOT_LOADED.message);

    const unknown = errorInEnglish(
      loginWindowError(
        CLOSED,
        providerVerdict(answered(400, '{"error":"invalid_client"}', 'application/json')),
        CONTEXT,
      ),
    );
    expect(unknown.message).toBe('The provider refused the authorization request: invalid_client');
    expect(unknown.hint).toContain('There is no client app at https://op.example.test');
  });

  test('an error status without words is still a refusal, named by its page’s title or its status', () => {
    const titled = providerVerdict(
      answered(403, '<html><title>Access blocked</title><p>This app is not allowed.</p></html>'),
    );
    expect(titled).toMatchObject({
      kind: 'refused',
      refusal: { error: 'Access blocked', description: 'This app is not allowed.' },
    });
    expect(providerVerdict(answered(500, ''))).toMatchObject({
      kind: 'refused',
      refusal: { error: 'HTTP 500' },
    });
  });

  test('a login page or a redirect means the refusal came later: never called the provider’s', () => {
    const login = providerVerdict(answered(200, '<html><form><input name="login"></form></html>'));
    expect(login).toEqual({ kind: 'page', status: 200 });
    const failed = errorInEnglish(loginWindowError(NOT_LOADED, login, CONTEXT));
    expect(failed.code).toBe('login_failed');
    expect(failed.message).toMatch(
      /accepted \(the provider answered HTTP 200 with a page, its login page\), so the failure came later/,
    );
    const redirect: Exchange = {
      role: 'authorize-reread',
      request: rereadRequest(AUTHORIZE),
      failure: { code: 'redirect' },
      startedAt: 0,
      durationMs: 1,
    };
    const closed = errorInEnglish(loginWindowError(CLOSED, providerVerdict(redirect), CONTEXT));
    expect(closed.code).toBe('login_cancelled');
    expect(closed.message).toMatch(
      /accepted \(the provider answered with a redirect, which the extension cannot follow/,
    );
    expect(closed.message).not.toMatch(/refused/);
  });

  test('nothing read again (no access, no answer): the window’s failure as the browser said it', () => {
    const network: Exchange = {
      role: 'authorize-reread',
      request: rereadRequest(AUTHORIZE),
      failure: { code: 'network' },
      startedAt: 0,
      durationMs: 1,
    };
    expect(providerVerdict(network)).toBeUndefined();
    const error = errorInEnglish(loginWindowError(NOT_LOADED, undefined, CONTEXT));
    expect([error.code, error.message]).toEqual([
      'login_failed',
      'The login window failed: Authorization page could not be loaded.',
    ]);
  });
});
