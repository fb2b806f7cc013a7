import { describe, expect, test } from 'vitest';
import { defaultProfile, profileProblems } from '../../../../src/core/profile/profile.ts';
import { wordsOf } from '../../../support/words.ts';
import { inEnglish } from '../../../support/words.ts';

describe('form validation', () => {
  const ok = { ...defaultProfile('https://abc.chromiumapp.org/'), clientId: 'app' };

  test('a complete BTG Id form has no problem', () => {
    expect(profileProblems(ok).map((p) => inEnglish(p))).toEqual([]);
  });

  test('each bad field is named', () => {
    const problems = profileProblems({
      ...ok,
      issuer: 'id.btgpactual.com',
      clientId: ' ',
      redirectUri: 'ftp://x/',
      endpoints: { ...ok.endpoints, jwks: 'https://x/#frag' },
    }).map((p) => inEnglish(p));
    expect(problems).toEqual([
      'Issuer "id.btgpactual.com" is not an absolute URL.',
      'Client ID is empty.',
      'Redirect URI must start with https:// (or http:// for a local provider), not ftp:.',
      'JWKS URI must not contain a #fragment.',
    ]);
  });

  test('a URL holding a control character or whitespace is refused, naming the field', () => {
    const attack = 'https://op.example/token\u001b[201~\u0015touch /tmp/x\n';
    for (const [field, value] of [
      ['Token endpoint', attack],
      ['Token endpoint', 'https://op.example/to ken'],
      ['Token endpoint', 'https://op.example/token\u0085'],
      ['Token endpoint', 'https://op.example/token\u00a0'],
      ['Token endpoint', 'https://op.example/token\u007f'],
    ])
      expect(
        profileProblems({ ...ok, endpoints: { ...ok.endpoints, token: value! } }).map((p) => inEnglish(p)),
      ).toEqual([`${field} holds a control character or a space, which a URL may not carry.`]);
    expect(profileProblems({ ...ok, issuer: `https://op.example\t` }).map((p) => inEnglish(p))).toEqual([
      'Issuer holds a control character or a space, which a URL may not carry.',
    ]);
  });

  test('an issuer with a query is refused (Discovery §4.1)', () => {
    expect(profileProblems({ ...ok, issuer: 'https://op.example/?x=1' }).map((p) => inEnglish(p))).toEqual([
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
    }).map((p) => inEnglish(p));
    expect(problems).toEqual([
      'Issuer must use https://: http:// is allowed only on loopback (127.0.0.0/8, localhost, [::1]), because the client secret and the code would otherwise travel in clear.',
      'Authorization endpoint must use https://: http:// is allowed only on loopback (127.0.0.0/8, localhost, [::1]), because the client secret and the code would otherwise travel in clear.',
      'Token endpoint must not contain a user name or password.',
    ]);
    for (const host of ['127.0.0.1:4010', 'localhost', '[::1]:8080', '127.255.0.1'])
      expect(profileProblems({ ...ok, issuer: `http://${host}` }).map((p) => inEnglish(p))).toEqual([]);
    expect(
      profileProblems({ ...ok, issuer: 'http://127.0.0.1.evil.example' }).map((p) => inEnglish(p))[0],
    ).toMatch(/must use https/);
  });

  test('client credentials needs no redirect URI nor authorization endpoint, but a confidential client', () => {
    const cc = {
      ...ok,
      flow: 'client_credentials' as const,
      redirectUri: '',
      endpoints: { ...ok.endpoints, authorization: '' },
    };
    expect(profileProblems(cc).map((p) => inEnglish(p))).toEqual([]);
    expect(profileProblems({ ...cc, clientAuth: 'none' }).map((p) => inEnglish(p))).toEqual([
      'Client credentials needs a confidential client (RFC 6749 §4.4): choose a secret-based Client authentication.',
    ]);
    expect(profileProblems({ ...ok, clientAuth: 'none', usePkce: false }).map((p) => inEnglish(p))).toEqual([
      'A public client (Client authentication none) must use PKCE (RFC 9700 §2.1.1).',
    ]);
  });
});

describe('problems are said in the reader’s language, field names included', () => {
  test('a bad endpoint and a missing client ID, in Portuguese', () => {
    const pt = wordsOf('pt_BR');
    const problems = profileProblems({
      ...defaultProfile('https://x.chromiumapp.org/'),
      clientId: '',
      endpoints: { authorization: 'https://op.example/a#x', token: 'http://op.example/token', jwks: '' },
    });
    expect(problems.map((p) => pt.spoken(p.say, inEnglish(p)))).toEqual([
      'Client ID está em branco.',
      'Endpoint de autorização não pode conter um #fragmento.',
      'Endpoint de token deve usar https://: http:// só é aceito em loopback (127.0.0.0/8, localhost, [::1]), porque senão o client secret e o code trafegariam sem criptografia.',
    ]);
  });
});
