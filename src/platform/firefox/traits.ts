import { sameUrlHost, type BrowserTraits, type LoginWindowFailureKind } from '../browser-traits.ts';

/** `https://<sha1 of the add-on id>.extensions.allizom.org/` → `http://127.0.0.1/mozoauth2/<same hash>` */
const loopbackForm = (own: string): string | undefined => {
  try {
    const hash = new URL(own).hostname.split('.')[0];
    return hash ? `http://127.0.0.1/mozoauth2/${hash}` : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Firefox: the login window ends at `https://<sha1 of the add-on id>.extensions.allizom.org/` or at
 * `http://127.0.0.1/mozoauth2/<same hash>`; any other `redirect_uri` is refused before a window opens
 * ("redirect_uri not allowed"). A closed window is "User cancelled or denied access."; a page that
 * does not load is "Unable to load the requested page." (toolkit/components/extensions/parent/ext-identity.js).
 */
export const traits: BrowserTraits = {
  name: 'firefox',
  isOwnRedirect: (url, own) => {
    if (url.startsWith('https://') && sameUrlHost(url, own)) return true;
    const loopback = loopbackForm(own);
    return (
      !!loopback && (url === loopback || url.startsWith(`${loopback}/`) || url.startsWith(`${loopback}?`))
    );
  },
  loginWindowFailure: (message) => {
    const kind: LoginWindowFailureKind = /cancelled or denied/i.test(message)
      ? 'closed'
      : /unable to load/i.test(message)
        ? 'not_loaded'
        : /redirect_uri not allowed|requires user interaction/i.test(message)
          ? 'wrong_url'
          : 'other';
    return { kind, message };
  },
  routesAppRedirects: false,
  networkLogAfterNetworkPanel: true,
  loadsLoginUrlTwice: true,
  otherRedirectForms: (own) => [loopbackForm(own)].filter((f): f is string => !!f),
};
