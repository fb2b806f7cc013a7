import { sameUrlHost, type BrowserTraits, type LoginWindowFailureKind } from '../browser-traits.ts';

/**
 * Chromium: `launchWebAuthFlow` ends at any URL on `https://<extension id>.chromiumapp.org/`, and
 * rejects with bare English strings ("did not approve access" is also what a closed window yields).
 */
export const traits: BrowserTraits = {
  name: 'chromium',
  isOwnRedirect: (url, own) => url.startsWith('https://') && sameUrlHost(url, own),
  loginWindowFailure: (message) => {
    const kind: LoginWindowFailureKind = /did not approve access/i.test(message)
      ? 'closed'
      : /could not be loaded/i.test(message)
        ? 'not_loaded'
        : /right URL/i.test(message)
          ? 'wrong_url'
          : 'other';
    return { kind, message };
  },
  routesAppRedirects: true,
  networkLogAfterNetworkPanel: false,
  loadsLoginUrlTwice: false,
  otherRedirectForms: () => [],
};
