import { browserTraits as traits } from './traits.ts';
import { asOwnRedirect, type LoginWindowFailure } from './browser-traits.ts';

/** `https://<extension-id>.chromiumapp.org/` in Chromium, `https://<hash>.extensions.allizom.org/` in Firefox. */
export function extensionRedirectUrl(): string {
  return chrome.identity.getRedirectURL();
}

/** Whether `url` is where the login window ends for this extension (not an app's own redirect URI). */
export const isOwnRedirect = (url: string): boolean => traits.isOwnRedirect(url, extensionRedirectUrl());

/** The other spellings of the extension's redirect URL this browser accepts (Firefox's loopback form). */
export const otherRedirectForms = (): string[] => traits.otherRedirectForms(extensionRedirectUrl());

/** Opens the login window; resolves with the callback URL, rejects with the browser's message. */
export async function launchLogin(url: string): Promise<string> {
  const back = await chrome.identity.launchWebAuthFlow({ url, interactive: true });
  if (back === undefined) throw new Error('The login window ended without a URL.');
  return back;
}

/** The login window's rejection, read into a kind by this browser's traits. */
export const loginWindowFailure = (message: string): LoginWindowFailure => traits.loginWindowFailure(message);

/**
 * Whether this browser cannot end a login at `redirectUri`: Firefox refuses any `redirect_uri` but
 * its own before a window opens, so an app's registered one cannot be routed back to the extension.
 */
export const redirectRefused = (redirectUri: string): boolean =>
  !traits.routesAppRedirects && redirectUri.trim() !== '' && !isOwnRedirect(redirectUri);

/** Whether this browser requests the login window's URL twice (a single-use `request_uri` suffers). */
export const loadsLoginUrlTwice: boolean = traits.loadsLoginUrlTwice;

/** Another installation's redirect URL (a shared profile's) as this installation's own; any other URL as it is. */
export const ownRedirectFor = (url: string): string =>
  asOwnRedirect(url, extensionRedirectUrl(), isOwnRedirect);
