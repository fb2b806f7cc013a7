import type { Area } from './storage-read.ts';

/** Writing storage: the worker only (lint keeps pages and hooks out), which runs writes one at a time. */
export async function writeKeys(area: Area, values: Record<string, unknown>): Promise<void> {
  await chrome.storage[area].set(values);
}

export async function removeKeys(area: Area, keys: string[]): Promise<void> {
  if (keys.length) await chrome.storage[area].remove(keys);
}
