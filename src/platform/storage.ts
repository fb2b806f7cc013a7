import browser from 'webextension-polyfill';

/**
 * The two storage areas we use. `session` lives in memory for the browser session (secrets, runs);
 * `local` is on disk (non-secret form values). `sync` is never used: design.md security rules.
 */
export type Area = 'session' | 'local';

export async function readKey<T = unknown>(area: Area, key: string): Promise<T | undefined> {
  const got = await browser.storage[area].get(key);
  return got[key] as T | undefined;
}

export async function readAll(area: Area): Promise<Record<string, unknown>> {
  return browser.storage[area].get(null);
}

export async function writeKeys(area: Area, values: Record<string, unknown>): Promise<void> {
  await browser.storage[area].set(values);
}

/** Calls `listener` with the new value each time `key` changes in `area`; returns the unsubscribe. */
export function watchKey(area: Area, key: string, listener: (value: unknown) => void): () => void {
  const onChanged = (changes: Record<string, browser.Storage.StorageChange>, changedArea: string) => {
    const change = changes[key];
    if (changedArea === area && change) listener(change.newValue);
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}

export async function removeKeys(area: Area, keys: string[]): Promise<void> {
  if (keys.length) await browser.storage[area].remove(keys);
}

/** Calls `listener` whenever a key starting with one of `prefixes` changes in `area`. */
export function watchPrefixes(area: Area, prefixes: string[], listener: () => void): () => void {
  const onChanged = (changes: Record<string, browser.Storage.StorageChange>, changedArea: string) => {
    if (changedArea === area && Object.keys(changes).some((k) => prefixes.some((p) => k.startsWith(p))))
      listener();
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
