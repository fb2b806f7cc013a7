import type { Rotation } from '../run.ts';
import type { TokenFields } from '../token.ts';

export const ROTATION_TEXT: Record<Rotation, string> = {
  rotated: 'Refresh token rotated',
  unchanged: 'Refresh token unchanged',
  none: 'No new refresh token returned (the previous one stays current)',
};

/** The fields a refresh changed, added or dropped, by name, in the new response's order first. */
export function changedFields(previous: TokenFields, next: TokenFields): string[] {
  const names = [...new Set([...Object.keys(next), ...Object.keys(previous)])];
  return names.filter((n) => JSON.stringify(previous[n]) !== JSON.stringify(next[n]));
}
