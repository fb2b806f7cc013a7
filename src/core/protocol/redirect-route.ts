const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The network rule's filter for routing an app's own registered redirect URI back to the extension,
 * for one login only: the URI as the browser writes it (no path means `/`, default port dropped,
 * host lower-cased), any query it already has followed by the provider's `&code=…`, and this run's
 * `state` among the query's parameters. Group 1 is everything from `?` on, carried to the extension.
 */
export function routeFilter(redirectUri: string, state: string): string {
  const uri = new URL(redirectUri);
  const base = `${uri.origin}${uri.pathname}`;
  const ownQuery = uri.search.slice(1);
  const before = ownQuery ? `${escapeRegex(ownQuery)}&` : '';
  return `^${escapeRegex(base)}(\\?${before}(?:[^#]*&)?state=${escapeRegex(state)}(?:[&#].*)?)$`;
}
