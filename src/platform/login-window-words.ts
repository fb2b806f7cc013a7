/**
 * What the browser's login window said, as kinds the rest of the extension decides on: Chromium
 * rejects `identity.launchWebAuthFlow` with bare English strings, read here and nowhere else.
 * ("did not approve access" is also what a closed window yields.)
 */
export type LoginWindowFailureKind = 'closed' | 'not_loaded' | 'wrong_url' | 'other';

export interface LoginWindowFailure {
  kind: LoginWindowFailureKind;
  /** The browser's own words, kept for the report. */
  message: string;
}

export function loginWindowFailure(message: string): LoginWindowFailure {
  const kind: LoginWindowFailureKind = /did not approve access/i.test(message)
    ? 'closed'
    : /could not be loaded/i.test(message)
      ? 'not_loaded'
      : /right URL/i.test(message)
        ? 'wrong_url'
        : 'other';
  return { kind, message };
}

/** Whether `url` is the extension's own redirect (launchWebAuthFlow's), not an app's. */
export function isOwnRedirect(url: string): boolean {
  try {
    return new URL(url).hostname.endsWith('.chromiumapp.org');
  } catch {
    return false;
  }
}
