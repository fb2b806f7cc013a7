import { describe, expect, test } from 'vitest';
import { randomToken, webRandom } from '../../../../src/core/protocol/random.ts';

describe('random tokens (RFC 6749 §10.10)', () => {
  test('state tokens carry at least 128 bits', () => {
    expect(randomToken(webRandom).length).toBeGreaterThanOrEqual(22);
  });
});
