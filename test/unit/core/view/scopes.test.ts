import { describe, expect, test } from 'vitest';
import { claimsByScope, scopeSuggestions } from '../../../../src/core/view/scopes.ts';
import { wordsOf } from '../../../support/words.ts';

describe('scopes: suggestions and what each brought', () => {
  test('each suggestion is the field with one more scope; the provider’s first, known ones described', () => {
    const suggestions = scopeSuggestions('openid  profile', ['openid', 'profile', 'api:read'], wordsOf('en'));
    expect(suggestions[0]).toEqual({ value: 'openid profile api:read', label: 'api:read' });
    expect(suggestions.find((s) => s.value === 'openid profile email')?.label).toBe(
      'email: email and email_verified (OIDC Core §5.4)',
    );
    expect(suggestions.some((s) => s.value.endsWith(' openid'))).toBe(false);
    expect(suggestions.find((s) => s.value.endsWith('brn:btg:empresas:banking:payments'))?.label).toMatch(
      /payments/,
    );
    const portuguese = scopeSuggestions('openid', [], wordsOf('pt_BR'));
    expect(portuguese.find((s) => s.value === 'openid address')?.label).toBe(
      'address: O endereço postal (OIDC Core §5.4)',
    );
    // A scope named like an Object property is not a known scope.
    expect(scopeSuggestions('openid', ['toString'], wordsOf('en'))[0]).toEqual({
      value: 'openid toString',
      label: 'toString',
    });
  });

  test('the claims each standard scope brought', () => {
    expect(
      claimsByScope('openid email profile api:read', { sub: 'a', email: 'a@x', name: 'A', iss: 'x' }),
    ).toEqual([
      ['openid', ['sub']],
      ['email', ['email']],
      ['profile', ['name']],
    ]);
  });
});
