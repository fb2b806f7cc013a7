/** What the browser's login window said, as kinds the rest of the extension decides on. */
export type LoginWindowFailureKind = 'closed' | 'not_loaded' | 'wrong_url' | 'other';

export interface LoginWindowFailure {
  kind: LoginWindowFailureKind;
  /** The browser's own words, kept for the report. */
  message: string;
}

/**
 * What differs between the browsers the extension is built for, as plain functions of the browser's
 * own answers (no browser API here: the rest of `platform/` wires them). Each build imports its
 * browser's file as `#browser` (vite.config.ts); unit tests import both.
 */
export interface BrowserTraits {
  name: 'chromium' | 'firefox';
  /** Whether `url` is one where this browser's login window ends for us; `own` is `identity.getRedirectURL()`. */
  isOwnRedirect(url: string, own: string): boolean;
  /** The login window's rejection (the browser's own English words) read into a kind. */
  loginWindowFailure(message: string): LoginWindowFailure;
  /**
   * Whether the login window may end at an app's own registered redirect URI (a network rule routes
   * that one callback back to the extension). Firefox refuses any other `redirect_uri` before a
   * window opens.
   */
  routesAppRedirects: boolean;
  /** The other spellings of the extension's redirect URL this browser also accepts (for the help text). */
  otherRedirectForms(own: string): string[];
  /** Whether DevTools hands its network log to extensions only after its Network panel was opened (Firefox). */
  networkLogAfterNetworkPanel: boolean;
  /**
   * Whether the login window's URL is requested twice, once in a hidden request before the page shows
   * (Firefox): a single-use `request_uri` (RFC 9126 §4) spent on the first is refused on the second.
   */
  loadsLoginUrlTwice: boolean;
}

export const sameUrlHost = (url: string, own: string): boolean => {
  try {
    return new URL(url).host === new URL(own).host;
  } catch {
    return false;
  }
};

/**
 * A host permission pattern as the browsers grant it: without a port. Firefox answers `false` to
 * `contains` for `http://127.0.0.1:4010/*` although `http://127.0.0.1/*` is granted; both browsers
 * match a port-less pattern on every port. The text shown keeps the port.
 */
export const withoutPort = (pattern: string): string =>
  pattern.replace(/^([a-z*]+:\/\/(?:\[[^\]]*\]|[^/:]+)):\d+/i, '$1');

/** An extension's redirect URL in any browser: Chromium's and Firefox's https forms, Firefox's loopback form. */
const EXTENSION_REDIRECT =
  /^(?:https:\/\/(?:[a-p]{32}\.chromiumapp\.org|[0-9a-f]{40}\.extensions\.allizom\.org)(?=[/?#]|$)|http:\/\/127\.0\.0\.1\/mozoauth2\/[0-9a-f]{40}(?=[/?#]|$))/i;

/**
 * `url` as this installation's own redirect URL when it is another installation's (a profile shared by
 * a colleague, made in their Chromium or Firefox); any other URL as it is. An https form keeps its path.
 */
export function asOwnRedirect(url: string, own: string, isOwn: (url: string) => boolean): string {
  const foreign = EXTENSION_REDIRECT.exec(url.trim());
  if (!foreign || isOwn(url.trim())) return url;
  const rest = url.trim().slice(foreign[0].length);
  return foreign[0].startsWith('https://') && rest !== '' && rest !== '/' ? new URL(rest, own).href : own;
}
