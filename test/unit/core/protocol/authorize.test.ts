import { describe, expect, test } from 'vitest';
import { authorizationParams, authorizeUrl, byQuery } from '../../../../src/core/protocol/authorize.ts';
import { extraParamProblems } from '../../../../src/core/protocol/extra-params.ts';
import { inEnglish } from '../../../support/words.ts';
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

  test('the parameters are values built once; the query delivery records what the URL carries', async () => {
    const p = {
      ...profile,
      extraAuthorize: [['acr_values', 'urn:a']] as [string, string][],
      endpoints: { ...profile.endpoints, authorization: 'https://op.example/auth?tenant=x' },
    };
    const params = authorizationParams(p, { state: 's' });
    expect(params.map(([n]) => n)).toEqual([
      'client_id',
      'response_type',
      'redirect_uri',
      'scope',
      'state',
      'prompt',
      'acr_values',
    ]);
    const delivered = await byQuery(p.endpoints.authorization, params);
    expect(delivered.url).toBe(authorizeUrl(p, { state: 's' }));
    // What the login window's URL carries: the endpoint's own parameter first, then the request's.
    expect(delivered.sent).toEqual([['tenant', 'x'], ...params]);
  });

  test('request and request_uri are the tool’s own: an extra row cannot set them', () => {
    const rows: [string, string][] = [
      ['request', 'eyJ.x.y'],
      ['request_uri', 'urn:ietf:params:oauth:request_uri:1'],
    ];
    const problems = extraParamProblems({ ...profile, extraAuthorize: rows }).map(inEnglish);
    expect(problems).toHaveLength(2);
    expect(problems[1]).toMatch(/"request_uri" is sent by the tool; set it with the request’s delivery/);
  });
});
