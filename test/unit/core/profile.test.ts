import { describe, expect, test } from 'vitest';
import { defaultProfile, profileProblems } from '../../../src/core/profile.ts';

describe('form validation', () => {
  const ok = { ...defaultProfile('https://abc.chromiumapp.org/'), clientId: 'app' };

  test('a complete BTG Id form has no problem', () => {
    expect(profileProblems(ok)).toEqual([]);
  });

  test('each bad field is named', () => {
    const problems = profileProblems({
      ...ok,
      issuer: 'id.btgpactual.com',
      clientId: ' ',
      redirectUri: 'ftp://x/',
      endpoints: { ...ok.endpoints, jwks: 'https://x/#frag' },
    });
    expect(problems).toEqual([
      'Issuer "id.btgpactual.com" is not an absolute URL.',
      'Client ID is empty.',
      'Redirect URI must start with https:// (or http:// for a local provider), not ftp:.',
      'JWKS URI must not contain a #fragment.',
    ]);
  });

  test('an issuer with a query is refused (Discovery §4.1)', () => {
    expect(profileProblems({ ...ok, issuer: 'https://op.example/?x=1' })).toEqual([
      'Issuer must not contain a ?query.',
    ]);
  });
});
