import type { FlowErrorInfo } from './flow-error.ts';

/**
 * Chromium rejects `identity.launchWebAuthFlow` with bare strings; this turns them into words a
 * support person can act on. "did not approve access" is also what a closed window yields.
 */
export function loginWindowError(chromiumMessage: string): FlowErrorInfo {
  if (/did not approve access/i.test(chromiumMessage)) {
    return {
      code: 'login_cancelled',
      message:
        'The login window was closed before the provider sent the browser back, so no code was received.',
      actual: chromiumMessage,
      hint: 'If the provider showed an error page instead of a login, check that the Client ID exists and that the Redirect URI is registered for it.',
    };
  }
  const hint = /could not be loaded/i.test(chromiumMessage)
    ? 'Check the Authorization endpoint and that the provider is reachable.'
    : /right URL/i.test(chromiumMessage)
      ? 'The provider redirected somewhere other than the Redirect URI; check that it is registered for this client.'
      : undefined;
  return {
    code: 'login_failed',
    message: `The login window failed: ${chromiumMessage}`,
    actual: chromiumMessage,
    ...(hint ? { hint } : {}),
  };
}
