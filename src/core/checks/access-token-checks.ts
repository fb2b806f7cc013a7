import { say } from '../i18n/say.ts';
import { outcome, passIf, rfc, shown, type Check, type CheckStatus, type Found, type Rule } from './check.ts';
import { decodeToken } from '../protocol/jwt.ts';
import { CLOCK_TOLERANCE_S } from './id-token-checks.ts';
import { verifySignature, type JwksSource } from './signature.ts';

const rule = (id: string, section: string): Rule => ({
  id: `access_token.${id}`,
  ...rfc(9068, section),
});
const RULES = {
  signature: rule('signature', '4'),
  typ: rule('typ', '2.1'),
  iss: rule('iss', '2.2'),
  exp: rule('exp', '2.2'),
  iat: rule('iat', '2.2'),
  clientId: rule('client_id', '2.2'),
  aud: rule('aud', '2.2'),
  sub: rule('sub', '2.2'),
  jti: rule('jti', '2.2'),
};

export interface AccessTokenContext {
  issuer: string;
  clientId: string;
  nowSeconds: number;
}

/** A claim RFC 9068 requires that BTG Id's documented tokens lack: a warning, never a failure. */
const wanted = (r: Rule, value: unknown): Check =>
  outcome(r, value === undefined ? 'warn' : 'pass', say('exPresent9068'), shown(value));

/**
 * An access token is for the API, not for us: we report on it and never fail the run for an opaque
 * one. A JWT is read as RFC 9068 profiles it: its signature against the provider's JWKS (when its
 * `kid` is there), `typ`, and the claims the profile requires.
 */
export async function accessTokenChecks(
  token: string,
  jwks: JwksSource | undefined,
  ctx?: AccessTokenContext,
): Promise<Check[]> {
  const decoded = decodeToken(token);
  if (decoded.kind !== 'jwt')
    return [outcome(RULES.signature, 'skip', say('exJwtByProvider'), say('exNothingToVerify', decoded.kind))];
  const { header, claims } = decoded;
  const kid = header.kid;
  let signature: { status: CheckStatus; actual: Found };
  if (typeof kid !== 'string') signature = { status: 'skip', actual: say('exJwtNoKid') };
  else if (!jwks) signature = { status: 'skip', actual: say('exNoJwksUri') };
  else {
    const keys = await jwks(false);
    signature =
      'error' in keys || !keys.keys.some((k) => k.kid === kid)
        ? { status: 'skip', actual: say('exKidNotInJwks', kid) }
        : await verifySignature(token, header, '', jwks);
  }
  const signatureCheck = outcome(
    RULES.signature,
    signature.status,
    say('exValidSignature'),
    signature.actual,
  );
  if (!ctx) return [signatureCheck];
  const typ = typeof header.typ === 'string' ? header.typ.toLowerCase() : undefined;
  const { exp, iat } = claims;
  return [
    signatureCheck,
    passIf(RULES.typ, typ === 'at+jwt' || typ === 'application/at+jwt', 'at+jwt', shown(header.typ)),
    passIf(RULES.iss, claims.iss === ctx.issuer, ctx.issuer, shown(claims.iss)),
    passIf(
      RULES.exp,
      typeof exp === 'number' && exp + CLOCK_TOLERANCE_S > ctx.nowSeconds,
      say('exAfterNow', CLOCK_TOLERANCE_S),
      shown(exp),
    ),
    passIf(RULES.iat, typeof iat === 'number', say('exNumber'), shown(iat)),
    passIf(RULES.clientId, claims.client_id === ctx.clientId, ctx.clientId, shown(claims.client_id)),
    wanted(RULES.aud, claims.aud),
    wanted(RULES.sub, claims.sub),
    wanted(RULES.jti, claims.jti),
  ];
}
