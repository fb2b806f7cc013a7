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

  test('http:// only on loopback, for the issuer and every endpoint; never credentials in a URL', () => {
    const problems = profileProblems({
      ...ok,
      issuer: 'http://op.example',
      endpoints: {
        authorization: 'http://op.example/authorize',
        token: 'https://user:pass@op.example/token',
        jwks: 'http://127.9.8.7:4010/jwks',
      },
    });
    expect(problems).toEqual([
      'Issuer must use https://: http:// is allowed only on loopback (127.0.0.0/8, localhost, [::1]), because the client secret and the code would otherwise travel in clear.',
      'Authorization endpoint must use https://: http:// is allowed only on loopback (127.0.0.0/8, localhost, [::1]), because the client secret and the code would otherwise travel in clear.',
      'Token endpoint must not contain a user name or password.',
    ]);
    for (const host of ['127.0.0.1:4010', 'localhost', '[::1]:8080', '127.255.0.1'])
      expect(profileProblems({ ...ok, issuer: `http://${host}` })).toEqual([]);
    expect(profileProblems({ ...ok, issuer: 'http://127.0.0.1.evil.example' })[0]).toMatch(/must use https/);
  });

  test('client credentials needs no redirect URI nor authorization endpoint, but a confidential client', () => {
    const cc = {
      ...ok,
      flow: 'client_credentials' as const,
      redirectUri: '',
      endpoints: { ...ok.endpoints, authorization: '' },
    };
    expect(profileProblems(cc)).toEqual([]);
    expect(profileProblems({ ...cc, clientAuth: 'none' })).toEqual([
      'Client credentials needs a confidential client (RFC 6749 §4.4): choose a secret-based Client authentication.',
    ]);
    expect(profileProblems({ ...ok, clientAuth: 'none', usePkce: false })).toEqual([
      'A public client (Client authentication none) must use PKCE (RFC 9700 §2.1.1).',
    ]);
  });
});
