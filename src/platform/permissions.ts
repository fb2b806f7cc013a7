import { withoutPort } from './browser-traits.ts';

export async function hasOrigins(origins: string[]): Promise<boolean> {
  return chrome.permissions.contains({ origins: origins.map(withoutPort) });
}

/** Those of `origins` not granted yet, each asked on its own. */
export async function missingOrigins(origins: string[]): Promise<string[]> {
  const granted = await Promise.all(origins.map((o) => hasOrigins([o])));
  return origins.filter((_, i) => !granted[i]);
}

/** Must run inside a user gesture (the Authorize click); resolves false when the user refuses. */
export async function requestOrigins(origins: string[]): Promise<boolean> {
  return chrome.permissions.request({ origins: [...new Set(origins.map(withoutPort))] });
}
