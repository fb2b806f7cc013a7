import type { JSONWebKeySet } from 'jose';
import { say, type Said } from '../i18n/say.ts';
import { oidcCore, oidcDiscovery, outcome, passIf, rfc, type Check } from './check.ts';

/** The members that hold a private or symmetric key (RFC 7518 §6.2.2, §6.3.2, §6.4.1). */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];

const kidOf = (key: Record<string, unknown>, i: number) =>
  typeof key.kid === 'string' ? key.kid : `#${i + 1}`;

/**
 * The provider's published keys as a relying party reads them: a JWK Set (RFC 7517 §5) of public
 * keys only (Discovery §3), told apart by `kid` (RFC 7517 §4.5), still holding the key that signed
 * the login's ID token (OIDC Core §10.1: a key is published for as long as tokens it signed are in use).
 */
export function jwksChecks(set: JSONWebKeySet | { error: Said }, idTokenKid: string | undefined): Check[] {
  const http = passIf(
    { id: 'jwks.http', ...rfc(7517, '5') },
    !('error' in set),
    say('exJwkSet'),
    'error' in set ? set.error : say('exKeyCount', String(set.keys.length)),
  );
  if ('error' in set) return [http];
  const { keys } = set;
  const leaking = keys.flatMap((key, i) => (PRIVATE_MEMBERS.some((m) => m in key) ? [kidOf(key, i)] : []));
  const kids = keys.map((key) => key.kid);
  const repeated = kids.filter((kid, i) => typeof kid !== 'string' || kids.indexOf(kid) !== i);
  const idKey = { id: 'jwks.id_token_key', ...oidcCore('10.1.1', 'RotateSigKeys') };
  return [
    http,
    passIf(
      { id: 'jwks.public', ...oidcDiscovery('3', 'ProviderMetadata') },
      leaking.length === 0,
      say('exPublicKeysOnly'),
      leaking.length ? say('exPrivateIn', leaking.join(', ')) : say('exPublicKeysOnly'),
    ),
    outcome(
      { id: 'jwks.kid', ...rfc(7517, '4.5') },
      keys.length < 2 || repeated.length === 0 ? 'pass' : 'warn',
      say('exDistinctKids'),
      keys.map((key, i) => kidOf(key, i)).join(', ') || say('exNoKeys'),
    ),
    idTokenKid === undefined
      ? outcome(idKey, 'skip', say('exIdTokenKid'), say('exNoIdTokenKid'))
      : outcome(
          idKey,
          kids.includes(idTokenKid) ? 'pass' : 'warn',
          idTokenKid,
          kids.includes(idTokenKid) ? idTokenKid : say('exKidGone', idTokenKid),
        ),
  ];
}
