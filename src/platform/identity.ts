import browser from 'webextension-polyfill';

/** `https://<extension-id>.chromiumapp.org/`: the URL launchWebAuthFlow watches for by default. */
export function extensionRedirectUrl(): string {
  return browser.identity.getRedirectURL();
}

/** Opens the login window; resolves with the callback URL, rejects with Chromium's message. */
export async function launchLogin(url: string): Promise<string> {
  return browser.identity.launchWebAuthFlow({ url, interactive: true });
}
