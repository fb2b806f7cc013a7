import type { Rotation } from '../run/run.ts';

/** RFC 6749 §6: a new refresh token replaces the old one; none returned means the old one stays. */
export function rotationOf(previous: unknown, next: unknown): Rotation {
  if (typeof next !== 'string' || next === '') return 'none';
  return next === previous ? 'unchanged' : 'rotated';
}
