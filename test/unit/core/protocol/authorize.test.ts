import { describe, expect, test } from 'vitest';
import { authorizeUrl } from '../../../../src/core/protocol/authorize.ts';
import { defaultProfile } from '../../../../src/core/profile/profile.ts';

describe('authorize request (RFC 6749 §4.1.1, OIDC Core §3.1.2.1)', () => {
  const profile = {
    ...defaultProfile('https://abc.chromiumapp.org/'),
    clientId: 'app',
    scopes: ' openid  profile ',
  };

  test('BTG Id’s documented parameters plus state, nonce and PKCE', () => {
    const url = new URL(
      authorizeUrl(profile, {
        state: 's',
        nonce: 'n',
        pkce: { verifier: 'v', challenge: 'c', method: 'S256' },
      }),
    );
    expect(url.origin + url.pathname).toBe('https://id.btgpactual.com/oauth2/authorize');
    expect([...url.searchParams]).toEqual([
      ['client_id', 'app'],
      ['response_type', 'code'],
      ['redirect_uri', 'https://abc.chromiumapp.org/'],
      ['scope', 'openid profile'],
      ['state', 's'],
      ['nonce', 'n'],
      ['code_challenge', 'c'],
      ['code_challenge_method', 'S256'],
      ['prompt', 'login'],
    ]);
  });

  test('"(not sent)" omits prompt; no PKCE and no nonce omit theirs; the endpoint’s own query stays', () => {
    const p = {
      ...profile,
      prompt: '' as const,
      endpoints: { ...profile.endpoints, authorization: 'https://op.example/auth?tenant=x' },
    };
    const url = new URL(authorizeUrl(p, { state: 's' }));
    expect(url.searchParams.get('tenant')).toBe('x');
    for (const name of ['prompt', 'nonce', 'code_challenge', 'code_challenge_method'])
      expect(url.searchParams.has(name)).toBe(false);
  });
});
