import { SignJWT } from 'jose';
import { describe, expect, test } from 'vitest';
import { expiresAt } from '../../../../src/core/view/expiry.ts';
import type { TokensStep } from '../../../../src/core/view/steps.ts';
import { countdown } from '../../../../src/ui/time.ts';

const AT = 1_790_000_000_000;
const step = (fields: Record<string, unknown>): TokensStep => ({
  kind: 'token',
  status: 'ok',
  at: AT,
  fields,
  exchanges: [],
});

describe('when each current token expires', () => {
  test('a JWT’s exp wins; else expires_in from when the response arrived; else unknown', async () => {
    const jwt = await new SignJWT({ exp: 1_790_003_600 })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new Uint8Array(32));
    expect(expiresAt(step({ access_token: jwt, expires_in: 60 }), 'access_token')).toBe(1_790_003_600_000);
    expect(expiresAt(step({ access_token: 'opaque', expires_in: 86400 }), 'access_token')).toBe(
      AT + 86_400_000,
    );
    expect(expiresAt(step({ access_token: 'opaque' }), 'access_token')).toBeUndefined();
    expect(expiresAt(step({ refresh_token: 'rt', refresh_expires_in: 1800 }), 'refresh_token')).toBe(
      AT + 1_800_000,
    );
    expect(expiresAt(step({ refresh_token: 'rt', expires_in: 60 }), 'refresh_token')).toBeUndefined();
    expect(expiresAt(step({ id_token: 'not-a-jwt' }), 'id_token')).toBeUndefined();
    expect(expiresAt(undefined, 'id_token')).toBeUndefined();
  });

  test('the countdown reads as a clock, with days in front', () => {
    expect(countdown(59_999)).toBe('00:00:59');
    expect(countdown(86_399_000)).toBe('23:59:59');
    expect(countdown(10 * 86_400_000 + 3_661_000)).toBe('10 d 01:01:01');
    expect(countdown(-5)).toBe('00:00:00');
  });
});
