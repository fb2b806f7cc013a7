import { base64url } from 'jose';
import { describe, expect, test } from 'vitest';
import { randomToken, webRandom } from '../../../../src/core/protocol/random.ts';

describe('random tokens (RFC 6749 §10.10)', () => {
  test('a token is the base64url of exactly the bytes the source gave: 32 by default, 256 bits', () => {
    const asked: number[] = [];
    const counting = (n: number) => {
      asked.push(n);
      return Uint8Array.from({ length: n }, (_, i) => (i * 37 + 11) % 256);
    };
    const token = randomToken(counting);
    expect(asked).toEqual([32]);
    expect(base64url.decode(token)).toEqual(counting(32));
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(base64url.decode(randomToken(counting, 12))).toHaveLength(12);
  });

  test('the browser’s source: no two state tokens alike, and every byte value can occur', () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => randomToken(webRandom)));
    expect(tokens.size).toBe(1000);
    const seen = new Set<number>();
    for (const t of tokens) for (const b of base64url.decode(t)) seen.add(b);
    expect(seen.size).toBe(256);
  });
});
