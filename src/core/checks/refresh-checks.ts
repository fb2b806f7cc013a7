import { say } from '../i18n/say.ts';
import { oidcCore, outcome, passIf, shown, type Check, type Rule } from './check.ts';

const RULE = (id: string): Rule => ({
  id: `refresh.id_token.${id}`,
  ...oidcCore('12.2', 'RefreshTokenResponse'),
});
const RULES = {
  iss: RULE('same_iss'),
  sub: RULE('same_sub'),
  aud: RULE('same_aud'),
  azp: RULE('same_azp'),
  authTime: RULE('same_auth_time'),
  iat: RULE('iat_not_earlier'),
  nonce: RULE('nonce'),
};

type Claims = Record<string, unknown>;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * OIDC Core §12.2: an ID token returned by a refresh keeps the first one's `iss`, `sub`, `aud`, `azp`
 * (absent if it was absent) and `auth_time`; its `iat` is no earlier; its `nonce` is absent or the
 * original one. `first` is the login's ID token claims.
 */
export function refreshIdTokenChecks(first: Claims, next: Claims): Check[] {
  const kept = (rule: Rule, name: string) =>
    passIf(rule, same(first[name], next[name]), shown(first[name]), shown(next[name]));
  return [
    kept(RULES.iss, 'iss'),
    kept(RULES.sub, 'sub'),
    kept(RULES.aud, 'aud'),
    kept(RULES.azp, 'azp'),
    first.auth_time === undefined
      ? outcome(RULES.authTime, 'skip', say('exFirstHasNone'), shown(next.auth_time))
      : kept(RULES.authTime, 'auth_time'),
    passIf(
      RULES.iat,
      typeof next.iat === 'number' && typeof first.iat === 'number' && next.iat >= first.iat,
      say('exAtLeast', shown(first.iat)),
      shown(next.iat),
    ),
    passIf(
      RULES.nonce,
      next.nonce === undefined || next.nonce === first.nonce,
      first.nonce === undefined ? say('exAbsent') : say('exAbsentOr', shown(first.nonce)),
      shown(next.nonce),
    ),
  ];
}
