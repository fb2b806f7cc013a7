import { describe, expect, test } from 'vitest';
import { loginWindowError } from '../../../src/core/login-window.ts';
import { isOwnRedirect, loginWindowFailure } from '../../../src/platform/login-window-words.ts';

describe('login window errors', () => {
  test('the platform reads Chromium’s strings into kinds; nothing else reads them', () => {
    expect(loginWindowFailure('The user did not approve access.').kind).toBe('closed');
    expect(loginWindowFailure('Authorization page could not be loaded.').kind).toBe('not_loaded');
    expect(loginWindowFailure('User interaction required. Is this the right URL?').kind).toBe('wrong_url');
    expect(loginWindowFailure('Something else').kind).toBe('other');
  });

  test('a closed window is a cancellation, other failures keep the browser’s words and a hint', () => {
    expect(loginWindowError(loginWindowFailure('The user did not approve access.')).code).toBe(
      'login_cancelled',
    );
    const failed = loginWindowError(loginWindowFailure('Authorization page could not be loaded.'));
    expect(failed.code).toBe('login_failed');
    expect(failed.hint).toMatch(/Authorization endpoint/);
    expect(failed.actual).toBe('Authorization page could not be loaded.');
    expect(loginWindowError({ kind: 'other', message: 'x' }).hint).toBeUndefined();
  });

  test('the extension’s own redirect is the platform’s to recognise', () => {
    expect(isOwnRedirect('https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/')).toBe(true);
    expect(isOwnRedirect('https://app.example/cb')).toBe(false);
    expect(isOwnRedirect('not a url')).toBe(false);
  });
});
