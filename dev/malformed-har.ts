import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** A small seeded PRNG (mulberry32): the same seed gives the same files, so a failure can be replayed. */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const base = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '..', 'test', 'fixtures', 'chrome-export.har'), 'utf8'),
) as unknown;
const ODD: unknown[] = [
  null,
  0,
  -1,
  1e13,
  '',
  '%',
  '%E0%A4%A',
  'relative/path?code=1&state=%',
  [],
  {},
  true,
  'a|b\n# x [link](https://evil.example)',
];

/** Walks the value and, with probability `p` at each place, deletes it or puts something odd there. */
function mutate(value: unknown, next: () => number, p: number): unknown {
  if (Array.isArray(value)) return value.filter(() => next() > p / 3).map((v) => mutate(v, next, p));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const roll = next();
      if (roll < p / 3) continue;
      out[k] = roll < p ? ODD[Math.floor(next() * ODD.length)] : mutate(v, next, p);
    }
    return out;
  }
  return value;
}

/**
 * A real Chrome export of a login, broken at random for `seed`: fields deleted or replaced by nulls,
 * numbers out of range, stray `%`, relative URLs, Markdown. `next` goes on from where the file ended.
 */
export function malformedHar(seed: number): { text: string; next: () => number } {
  const next = random(seed);
  return { text: JSON.stringify(mutate(base, next, 0.02 + next() * 0.2)), next };
}
