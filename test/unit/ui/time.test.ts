import { expect, test } from 'vitest';
import { relativeTime } from '../../../src/ui/time.ts';

const NOW = 1_790_000_000_000;
const at = (deltaSeconds: number) => NOW / 1000 + deltaSeconds;

test.each([
  [23 * 3600, 'in 23 h'],
  [-5 * 60, '5 min ago'],
  [30, 'in 30 s'],
  [0, 'now'],
  [3 * 86400, 'in 3 d'],
])('%i s from now reads "%s"', (delta, words) => {
  expect(relativeTime(at(delta), NOW)).toBe(words);
});
