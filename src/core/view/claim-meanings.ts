import type { MessageId } from './words.ts';

/*
 * What each registered JWT header parameter and claim means, in one line (RFC 7515, 7519, 9068, 9449,
 * 9101, 7800; OIDC Core §2, §5.1; Back-Channel Logout; RFC 8693): the Read a token page's explanations.
 */

/** Message names take letters, digits and `_` only: `x5t#S256` is spelled `x5t_S256` in its id. */
const HEADER = ['alg', 'kid', 'typ', 'cty', 'jwk', 'x5c', 'x5t_S256', 'jku'] as const;
const CLAIMS = [
  'iss',
  'sub',
  'aud',
  'exp',
  'nbf',
  'iat',
  'jti',
  'azp',
  'nonce',
  'auth_time',
  'acr',
  'amr',
  'at_hash',
  'c_hash',
  'sid',
  'scope',
  'scp',
  'client_id',
  'cnf',
  'events',
  'htm',
  'htu',
  'ath',
  'act',
  'roles',
  'email',
  'email_verified',
  'name',
  'preferred_username',
  'state',
  'code',
  'redirect_uri',
  'response_type',
] as const;

const HEADER_SET: ReadonlySet<string> = new Set(HEADER);
const CLAIM_SET: ReadonlySet<string> = new Set(CLAIMS);

/** The message explaining a header parameter, if it is a registered one. */
export const headerMeaning = (name: string): MessageId | undefined => {
  const id = name.replace('#', '_');
  return HEADER_SET.has(id) ? (`headerWhat_${id as (typeof HEADER)[number]}` as const) : undefined;
};

/** The message explaining a claim, if it is a registered one. */
export const claimMeaning = (name: string): MessageId | undefined =>
  CLAIM_SET.has(name) ? (`claimWhat_${name as (typeof CLAIMS)[number]}` as const) : undefined;
