/**
 * Reading storage, for the pages and the worker: `session` lives in memory for the browser session
 * (secrets, runs), `local` is on disk. Writes are the worker's alone (`storage-write.ts`).
 */
export type Area = 'session' | 'local';

export async function readKey(area: Area, key: string): Promise<unknown> {
  const got = await chrome.storage[area].get(key);
  return got[key];
}

/** Several keys of one area in one round trip; a key that holds nothing is absent from the answer. */
export async function readKeys(area: Area, keys: string[]): Promise<Record<string, unknown>> {
  return chrome.storage[area].get(keys);
}

export async function readAll(area: Area): Promise<Record<string, unknown>> {
  return chrome.storage[area].get(null);
}

/** Calls `listener` with the new value each time `key` changes in `area`; returns the unsubscribe. */
export function watchKey(area: Area, key: string, listener: (value: unknown) => void): () => void {
  const onChanged = (changes: Record<string, chrome.storage.StorageChange>, changedArea: string) => {
    const change = changes[key];
    if (changedArea === area && change) listener(change.newValue);
  };
  chrome.storage.onChanged.addListener(onChanged);
  return () => chrome.storage.onChanged.removeListener(onChanged);
}

/**
 * Calls `listener` with the new values (`undefined` for a removed key) whenever keys for which
 * `matches` holds change in `area`.
 */
export function watchKeys(
  area: Area,
  matches: (key: string) => boolean,
  listener: (changed: Record<string, unknown>) => void,
): () => void {
  const onChanged = (changes: Record<string, chrome.storage.StorageChange>, changedArea: string) => {
    if (changedArea !== area) return;
    const changed = Object.entries(changes).filter(([key]) => matches(key));
    if (changed.length) listener(Object.fromEntries(changed.map(([key, c]) => [key, c.newValue])));
  };
  chrome.storage.onChanged.addListener(onChanged);
  return () => chrome.storage.onChanged.removeListener(onChanged);
}
