import { describe, expect, test } from 'vitest';
import { refreshIdTokenChecks } from '../../../../src/core/checks/refresh-checks.ts';
import { rotationOf } from '../../../../src/core/protocol/refresh.ts';
import { changedFields } from '../../../../src/core/view/refresh-diff.ts';

const first = { iss: 'https://op', sub: 'ana', aud: 'app', iat: 1000, auth_time: 900, nonce: 'n1' };
const statuses = (next: Record<string, unknown>) =>
  Object.fromEntries(
    refreshIdTokenChecks(first, next).map((c) => [c.id.replace('refresh.id_token.', ''), c.status]),
  );

describe('a refresh (RFC 6749 §6, OIDC Core §12.2)', () => {
  test('rotation: a new refresh token, the same one, or none (the previous stays)', () => {
    expect(rotationOf('rt1', 'rt2')).toBe('rotated');
    expect(rotationOf('rt1', 'rt1')).toBe('unchanged');
    expect(rotationOf('rt1', undefined)).toBe('none');
    expect(rotationOf('rt1', '')).toBe('none');
  });

  test('the fields that changed, were added or dropped', () => {
    expect(
      changedFields(
        { access_token: 'a', expires_in: 60, scope: 'x' },
        { access_token: 'b', expires_in: 60, id_token: 'i' },
      ),
    ).toEqual(['access_token', 'id_token', 'scope']);
  });

  test('a new ID token that keeps everything §12.2 asks passes; each change fails on its own', () => {
    expect(statuses({ ...first, iat: 2000, nonce: undefined })).toEqual({
      same_iss: 'pass',
      same_sub: 'pass',
      same_aud: 'pass',
      same_azp: 'pass',
      same_auth_time: 'pass',
      iat_not_earlier: 'pass',
      nonce: 'pass',
    });
    expect(
      statuses({ ...first, sub: 'bob', iat: 999, nonce: 'other', azp: 'app', auth_time: 950 }),
    ).toMatchObject({
      same_sub: 'fail',
      iat_not_earlier: 'fail',
      nonce: 'fail',
      same_azp: 'fail',
      same_auth_time: 'fail',
    });
    expect(statuses({ ...first, aud: ['app', 'other'] }).same_aud).toBe('fail');
  });
});
