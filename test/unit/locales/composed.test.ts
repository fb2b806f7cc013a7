import { describe, expect, test } from 'vitest';
import { secretClient } from '../../support/client.ts';
import { clientAuthCauses } from '../../../src/core/protocol/client-auth-refusal.ts';
import { extraParamProblems } from '../../../src/core/protocol/extra-params.ts';
import { defaultProfile } from '../../../src/core/profile/profile.ts';
import { say } from '../../../src/core/i18n/say.ts';
import { wordsOf } from '../../support/words.ts';

/**
 * Text built at run time, rendered through the real pt-BR catalog with every value the code can give
 * each placeholder: the glossary test reads messages one by one and cannot see a sentence composed of two.
 */
const pt = wordsOf('pt_BR');
const en = wordsOf('en');

describe('composed pt-BR sentences read natively', () => {
  test('an extra parameter, whichever request it is in (the sentence does not depend on its gender)', () => {
    const profile = {
      ...defaultProfile('https://abc.chromiumapp.org/'),
      extraAuthorize: [
        ['', 'x'],
        ['state', 'x'],
      ] as [string, string][],
      extraToken: [
        ['', 'x'],
        ['code', 'x'],
      ] as [string, string][],
    };
    expect(extraParamProblems(profile).map((p) => pt.spoken(p.say))).toEqual([
      'Parâmetro extra 1 (requisição de autorização) não tem nome.',
      'Parâmetro "state" (requisição de autorização): já é enviado pela ferramenta; o valor vem de: a ferramenta (um valor novo a cada execução).',
      'Parâmetro extra 1 (requisição de token) não tem nome.',
      'Parâmetro "code" (requisição de token): já é enviado pela ferramenta; o valor vem de: o callback.',
    ]);
  });

  test('what a backend login answered, for each answer', () => {
    const said = (back: string) =>
      pt.spoken(
        say('noteBackendLogin', 'https://app.example/api/login', 200, say(back as 'backendTokens')).say,
      );
    expect(said('backendTokens')).toContain('(HTTP 200). Na resposta: tokens.');
    expect(said('backendSession')).toContain('(HTTP 200). Na resposta: um cookie de sessão.');
    expect(said('backendNothing')).toContain('(HTTP 200). Na resposta: nem tokens nem cookie de sessão.');
  });

  test('the characters form-urlencoding changes, one or several; the other methods joined with "ou"', () => {
    const causes = (secret: string, encodeBasic?: false) =>
      clientAuthCauses(secretClient('app', secret, encodeBasic === false ? { encodeBasic } : {}), [
        'client_secret_basic',
        'client_secret_post',
        'none',
      ]).map((c) => pt.spoken(c.say));
    expect(causes('a%b', false)[1]).toContain(
      'então o provedor lê os caracteres "%" de outro jeito: clique em “Tentar',
    );
    expect(causes('a+b/c')[1]).toContain('o que altera os caracteres "+", "/": clique em “Tentar');
    expect(causes('s').at(-1)).toBe(
      'client_secret_basic não é permitido para este cliente; o provedor também aceita client_secret_post ou none',
    );
    const inEnglish = clientAuthCauses(secretClient('app', 's'), [
      'client_secret_post',
      'none',
      'tls_client_auth',
    ]);
    expect(en.spoken(inEnglish.at(-1)!.say)).toBe(
      'client_secret_basic is not allowed for this client; the provider also accepts client_secret_post or none',
    );
  });
});
