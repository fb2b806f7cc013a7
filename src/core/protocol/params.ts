/** A URL's parameters in order, duplicates kept (they are themselves a finding). */
export type Params = [name: string, value: string][];

/**
 * The callback's parameters: the query's, then the fragment's. A code flow answers in the query, but
 * a provider that answers in the fragment (tokens, or `#error=…`) must be read too, never ignored.
 */
export function callbackParams(callbackUrl: string): Params {
  const url = new URL(callbackUrl);
  return [...url.searchParams.entries(), ...new URLSearchParams(url.hash.slice(1)).entries()];
}

/** `scheme://host[:port]/path`: what a redirect URI is matched on (the query and fragment vary). */
export function originAndPath(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return url;
  }
}
