/**
 * What a page remembers for its next opening, in the web storage of the extension's own origin:
 * hints that save a round trip, never records (those live in `storage`, written by the worker) and
 * never secrets. Storage the browser refuses (a profile that blocks site data) means no hint.
 */
export function recall(key: string): string | undefined {
  try {
    return localStorage.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}

export function remember(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Without a hint the next opening reads storage twice: slower, still right.
  }
}
