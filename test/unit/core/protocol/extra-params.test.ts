import { describe, expect, test } from 'vitest';
import { authorizeUrl } from '../../../../src/core/protocol/authorize.ts';
import { extraParamProblems, extraParams } from '../../../../src/core/protocol/extra-params.ts';
import { defaultProfile } from '../../../../src/core/profile/profile.ts';
import { tokenRequest } from '../../../../src/core/protocol/token.ts';
import { inEnglish } from '../../../support/words.ts';

const profile = { ...defaultProfile('https://abc.chromiumapp.org/'), clientId: 'app' };

describe('extra request parameters', () => {
  test('a row naming a parameter the tool sends is refused, naming the field that controls it', () => {
    expect(
      extraParamProblems({
        ...profile,
        extraAuthorize: [
          ['max_age', '300'],
          ['scope', 'x'],
          [' ', 'v'],
          ['state', 's'],
        ],
        extraToken: [
          ['resource', 'https://api'],
          ['code_verifier', 'v'],
        ],
      }).map((p) => inEnglish(p)),
    ).toEqual([
      'Authorization request parameter "scope" is sent by the tool; set it with the Scopes field.',
      'Authorization request parameter 3 has no name.',
      'Authorization request parameter "state" is sent by the tool; set it with the tool (a fresh value each run).',
      'Token request parameter "code_verifier" is sent by the tool; set it with Use PKCE.',
    ]);
    expect(
      extraParamProblems({ ...profile, extraAuthorize: [['toString', 'x']] }).map((p) => inEnglish(p)),
    ).toEqual([]);
  });

  test('rows are sent as typed, repeats kept, after the tool’s own parameters', () => {
    const rows: [string, string][] = [
      ['login_hint', 'ana@example.com'],
      ['resource', 'https://a'],
      ['resource', 'https://b'],
    ];
    const url = new URL(authorizeUrl({ ...profile, extraAuthorize: rows }, { state: 's' }));
    expect(url.searchParams.getAll('resource')).toEqual(['https://a', 'https://b']);
    expect(url.searchParams.get('login_hint')).toBe('ana@example.com');
    const token = tokenRequest({
      tokenEndpoint: 'https://op/t',
      code: 'c',
      redirectUri: 'r',
      extra: extraParams([[' resource ', 'https://a']]),
    });
    expect(token.body).toBe('grant_type=authorization_code&code=c&redirect_uri=r&resource=https%3A%2F%2Fa');
  });
});
