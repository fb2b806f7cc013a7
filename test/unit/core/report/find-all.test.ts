import { describe, expect, it } from 'vitest';
import { matcher, replaceAll, type Found } from '../../../../src/core/report/find-all.ts';

/** The same answer found the slow way: every pattern at every position. */
function naive(patterns: string[], text: string): Found[] {
  const all: Found[] = [];
  for (let start = 0; start < text.length; start++) {
    let best: Found | undefined;
    patterns.forEach((p, pattern) => {
      if (p && text.startsWith(p, start) && (!best || p.length > best.end - best.start))
        best = { start, end: start + p.length, pattern };
    });
    if (best && (!all.length || best.start >= all[all.length - 1]!.end)) all.push(best);
  }
  return all;
}

/** A seeded generator, so a failure names the case that shows it. */
function random(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s % n;
  };
}

describe('find-all (Aho–Corasick)', () => {
  it('finds what a search at every position finds, on 500 seeded cases over a small alphabet', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const next = random(seed);
      const word = (max: number) =>
        Array.from({ length: 1 + next(max) }, () => 'abcé\u{1F600}'.charAt(next(5))).join('');
      const patterns = Array.from({ length: 1 + next(12) }, () => word(6));
      const text = word(200);
      const found = matcher(patterns).find(text);
      // Two patterns may be equal: the same span is enough.
      const spans = (f: Found[]) => f.map(({ start, end }) => [start, end]);
      expect(spans(found), `seed ${seed}`).toEqual(spans(naive(patterns, text)));
      for (const f of found) expect(text.slice(f.start, f.end)).toBe(patterns[f.pattern]);
    }
  });

  it('keeps the longest of two patterns that start together, and lets `accept` refuse one', () => {
    const m = matcher(['1234', '12345678', 'abc']);
    expect(m.find('x12345678y').map((f) => f.pattern)).toEqual([1]);
    const standsAlone = (f: Found, text: string) => !/\d/.test(text[f.start - 1] ?? '');
    expect(m.find('91234 1234', standsAlone).map((f) => f.start)).toEqual([6]);
  });

  it('finds nothing with no patterns or only empty ones, and replaces what it finds', () => {
    expect(matcher([]).find('anything')).toEqual([]);
    expect(matcher(['']).find('anything')).toEqual([]);
    const m = matcher(['secret', 'cret-2']);
    const text = 'a secret, a cret-2 and a secret';
    expect(replaceAll(text, m.find(text), (p) => `[${p}]`)).toBe('a [0], a [1] and a [0]');
  });
});
