import browser from 'webextension-polyfill';

export async function hasOrigins(origins: string[]): Promise<boolean> {
  return browser.permissions.contains({ origins });
}

/** Must run inside a user gesture (the Authorize click); resolves false when the user refuses. */
export async function requestOrigins(origins: string[]): Promise<boolean> {
  return browser.permissions.request({ origins });
}
