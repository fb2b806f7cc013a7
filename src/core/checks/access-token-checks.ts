import { rfc, outcome, type Check } from '../check.ts';
import { decodeToken } from '../jwt.ts';
import { verifySignature, type JwksSource } from './signature.ts';

const RULE = {
  id: 'access_token.signature',
  title: 'Access token signature (when a JWT)',
  ...rfc(9068, '4'),
};

/**
 * An access token is for the API, not for us: we report on it and never fail the run for an opaque
 * one. A JWT whose `kid` is in the provider's JWKS is verified (RFC 9068 §4).
 */
export async function accessTokenChecks(token: string, jwks: JwksSource | undefined): Promise<Check[]> {
  const decoded = decodeToken(token);
  if (decoded.kind !== 'jwt')
    return [outcome(RULE, 'skip', 'a JWT signed by the provider', `${decoded.kind}: nothing to verify`)];
  const kid = decoded.header.kid;
  if (typeof kid !== 'string')
    return [outcome(RULE, 'skip', 'a JWT signed by the provider', 'a JWT without kid')];
  if (!jwks) return [outcome(RULE, 'skip', 'a JWT signed by the provider', 'no JWKS URI')];
  const keys = await jwks(false);
  if ('error' in keys || !keys.keys.some((k) => k.kid === kid)) {
    return [
      outcome(RULE, 'skip', 'a JWT signed by the provider', `key "${kid}" is not in the provider's JWKS`),
    ];
  }
  const result = await verifySignature(token, decoded.header, '', jwks);
  return [outcome(RULE, result.status, 'a valid signature', result.actual)];
}
