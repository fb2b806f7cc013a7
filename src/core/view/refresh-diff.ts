import type { TokenFields } from '../protocol/token.ts';

/** The fields a refresh changed, added or dropped, by name, in the new response's order first. */
export function changedFields(previous: TokenFields, next: TokenFields): string[] {
  const names = [...new Set([...Object.keys(next), ...Object.keys(previous)])];
  return names.filter((n) => JSON.stringify(previous[n]) !== JSON.stringify(next[n]));
}
