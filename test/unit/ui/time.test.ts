import { expect, test } from 'vitest';
import { describeTime, relativeTime } from '../../../src/ui/time.ts';
import { wordsOf } from '../../support/words.ts';

const NOW = 1_790_000_000_000;
const at = (deltaSeconds: number) => NOW / 1000 + deltaSeconds;
const en = wordsOf('en');
const pt = wordsOf('pt_BR');

test.each([
  [23 * 3600, 'in 23 h', 'daqui a 23 h'],
  [-5 * 60, '5 min ago', 'há 5 min'],
  [30, 'in 30 s', 'daqui a 30 s'],
  [0, 'now', 'agora'],
  [3 * 86400, 'in 3 d', 'daqui a 3 d'],
  [-2000 * 86400, '2,000 d ago', 'há 2.000 d'],
])('%i s from now reads "%s" (pt-BR "%s")', (delta, english, portuguese) => {
  expect(relativeTime(at(delta), NOW, en)).toBe(english);
  expect(relativeTime(at(delta), NOW, pt)).toBe(portuguese);
});

test('an instant is written the way the language writes dates', () => {
  expect(describeTime(at(0), NOW, en)).toMatch(/^Sep 2\d, 2026, .* \(now\)$/);
  expect(describeTime(at(0), NOW, pt)).toMatch(/^2\d de set\.? de 2026.* \(agora\)$/);
});

test('a time out of range (an iat of 1e13 in somebody’s token) shows as its number, never throws', () => {
  expect(describeTime(1e13, NOW, en)).toBe('10000000000000');
  expect(en.date(9e15)).toBe('9000000000000000');
});
