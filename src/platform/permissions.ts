import browser from 'webextension-polyfill';

export async function hasOrigins(origins: string[]): Promise<boolean> {
  return browser.permissions.contains({ origins });
}

/** Must run inside a user gesture (the Authorize click); resolves false when the user refuses. */
export async function requestOrigins(origins: string[]): Promise<boolean> {
  return browser.permissions.request({ origins });
}

/** Host-permission patterns for the origins of `urls`; unparsable entries are left to input validation. */
export function originPatterns(urls: string[]): string[] {
  const origins = urls.flatMap((u) => {
    try {
      return [`${new URL(u).origin}/*`];
    } catch {
      return [];
    }
  });
  return [...new Set(origins)];
}

/** `https://op.example/*` → `https://op.example`, as people read it. */
export const originNames = (patterns: string[]): string =>
  patterns.map((p) => p.replace(/\/\*$/, '')).join(', ');
