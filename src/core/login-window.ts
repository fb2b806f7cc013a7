import type { FlowErrorInfo } from './flow-error.ts';
import { say, sayHint } from './say.ts';

/**
 * Chromium rejects `identity.launchWebAuthFlow` with bare strings; this turns them into words a
 * support person can act on. "did not approve access" is also what a closed window yields.
 */
export function loginWindowError(chromiumMessage: string): FlowErrorInfo {
  if (/did not approve access/i.test(chromiumMessage)) {
    return {
      code: 'login_cancelled',
      ...say('loginClosed'),
      actual: chromiumMessage,
      ...sayHint('hintLoginClosed'),
    };
  }
  const hint = /could not be loaded/i.test(chromiumMessage)
    ? sayHint('hintLoginNotLoaded')
    : /right URL/i.test(chromiumMessage)
      ? sayHint('hintLoginWrongUrl')
      : undefined;
  return {
    code: 'login_failed',
    ...say('loginFailed', chromiumMessage),
    actual: chromiumMessage,
    ...hint,
  };
}
