import { describe, expect, test } from 'vitest';
import { loginWindowError } from '../../../src/core/login-window.ts';

describe('login window errors', () => {
  test('a closed window is a cancellation, other failures keep Chromium’s words and a hint', () => {
    expect(loginWindowError('The user did not approve access.').code).toBe('login_cancelled');
    const failed = loginWindowError('Authorization page could not be loaded.');
    expect(failed.code).toBe('login_failed');
    expect(failed.hint).toMatch(/Authorization endpoint/);
  });
});
