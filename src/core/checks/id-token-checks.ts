import { say } from '../i18n/say.ts';
import { base64url } from 'jose';
import { oidcCore, outcome, passIf, shown, type Check, type Found, type Rule } from './check.ts';
import { decodeToken } from '../protocol/jwt.ts';
import { verifySignature, type JwksSource } from './signature.ts';

export interface IdTokenContext {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The nonce sent in the authorize request, when one was. */
  nonce?: string;
  accessToken?: string;
  /** `id_token_signing_alg_values_supported` from discovery, when published. */
  algsSupported?: string[];
  /** Undefined when there is no JWKS URI. */
  jwks?: JwksSource;
  nowSeconds: number;
  /** `max_age` sent in the authorize request (OIDC Core §3.1.2.1): `auth_time` must then be recent enough. */
  maxAge?: number;
  /** `acr_values` sent: the `acr` claim should be one of them (§3.1.3.7 step 12). */
  acrValues?: string[];
}

/** Clock skew tolerated on exp and iat, shown with those checks. */
export const CLOCK_TOLERANCE_S = 60;

const VALIDATION = oidcCore('3.1.3.7', 'IDTokenValidation');
const rule = (id: string, spec = VALIDATION): Rule => ({
  id: `id_token.${id}`,
  ...spec,
});
const RULES = {
  format: rule('format'),
  signature: rule('signature'),
  alg: rule('alg'),
  iss: rule('iss'),
  aud: rule('aud'),
  azp: rule('azp'),
  exp: rule('exp'),
  iat: rule('iat'),
  nonce: rule('nonce', oidcCore('3.1.3.7', 'IDTokenValidation')),
  atHash: rule('at_hash', oidcCore('3.2.2.9', 'ImplicitTokenValidation')),
  sub: rule('sub', oidcCore('2', 'IDToken')),
  authTime: rule('auth_time'),
  acr: rule('acr'),
};

const ASYMMETRIC = /^(RS|PS|ES)(256|384|512)$|^ES256K$|^EdDSA$|^Ed25519$|^Ed448$/;
const HMAC = /^HS(256|384|512)$/;

/** OIDC Core §3.2.2.9: the left half of the hash (the alg's own size) of the access token, base64url. */
export async function atHash(accessToken: string, alg: string): Promise<string | undefined> {
  const size = /^Ed/.test(alg) ? '512' : /(256|384|512)K?$/.exec(alg)?.[1];
  if (!size) return undefined;
  const digest = new Uint8Array(
    await crypto.subtle.digest(`SHA-${size}`, new TextEncoder().encode(accessToken)),
  );
  return base64url.encode(digest.slice(0, digest.length / 2));
}

const skipAll = (reason: Found, except: string[] = []) =>
  Object.values(RULES)
    .filter((r) => !except.includes(r.id))
    .map((r) => outcome(r, 'skip', '', reason));

function timeChecks(claims: Record<string, unknown>, now: number): Check[] {
  const { exp, iat } = claims;
  const at = (t: unknown) =>
    typeof t === 'number'
      ? say(t - now >= 0 ? 'exInSeconds' : 'exSecondsAgo', String(t), Math.abs(t - now))
      : shown(t);
  return [
    passIf(
      RULES.exp,
      typeof exp === 'number' && exp + CLOCK_TOLERANCE_S > now,
      say('exAfterNow', CLOCK_TOLERANCE_S),
      at(exp),
    ),
    passIf(
      RULES.iat,
      typeof iat === 'number' && iat - CLOCK_TOLERANCE_S <= now,
      say('exPresentNotAfterNow', CLOCK_TOLERANCE_S),
      at(iat),
    ),
  ];
}

function audienceChecks(claims: Record<string, unknown>, clientId: string): Check[] {
  const aud = claims.aud;
  const audiences = Array.isArray(aud) ? aud : typeof aud === 'string' ? [aud] : [];
  const extra = audiences.filter((a) => a !== clientId);
  const audCheck = !audiences.includes(clientId)
    ? outcome(RULES.aud, 'fail', say('exContains', clientId), shown(aud))
    : extra.length
      ? outcome(
          RULES.aud,
          'warn',
          say('exContains', clientId),
          say('exExtraAudiences', shown(aud), extra.join(', ')),
        )
      : outcome(RULES.aud, 'pass', say('exContains', clientId), shown(aud));
  const azp = claims.azp;
  // OIDC Core §3.1.3.7 steps 4–5: with other audiences beside us, azp must name us.
  const azpCheck =
    (audiences.includes(clientId) && extra.length > 0) || azp !== undefined
      ? passIf(RULES.azp, azp === clientId, clientId, shown(azp))
      : outcome(RULES.azp, 'skip', clientId, say('exSingleAudience'));
  return [audCheck, azpCheck];
}

/** Every check of OIDC Core §3.1.3.7 on one ID token, reported one by one rather than stopping. */
export async function idTokenChecks(token: string, ctx: IdTokenContext): Promise<Check[]> {
  const decoded = decodeToken(token);
  if (decoded.kind === 'jwe') {
    const note = say('exEncrypted', shown(decoded.header.alg), shown(decoded.header.enc));
    return [
      outcome(RULES.format, 'warn', say('exSignedJwt'), note),
      ...skipAll(say('exTokenEncrypted'), ['id_token.format']),
    ];
  }
  if (decoded.kind !== 'jwt') {
    const actual = decoded.kind === 'malformed' ? say('exMalformed', decoded.error) : say('exNotJwt');
    return [
      outcome(RULES.format, 'fail', say('exSignedJwt'), actual),
      ...skipAll(say('exUndecodable'), ['id_token.format']),
    ];
  }
  const { header, claims } = decoded;
  const alg = typeof header.alg === 'string' ? header.alg : String(JSON.stringify(header.alg));
  const signature = await verifySignature(token, header, ctx.clientSecret, ctx.jwks);
  const algAllowed = ctx.algsSupported
    ? ctx.algsSupported.includes(alg) && alg !== 'none'
    : ASYMMETRIC.test(alg) || HMAC.test(alg);
  const expectedHash =
    typeof claims.at_hash === 'string' && ctx.accessToken ? await atHash(ctx.accessToken, alg) : undefined;
  return [
    outcome(RULES.format, 'pass', say('exSignedJwt'), say('exJwsAlg', alg)),
    outcome(RULES.signature, signature.status, say('exValidSignature'), signature.actual),
    passIf(
      RULES.alg,
      algAllowed,
      ctx.algsSupported ? say('exOneOfDiscovery', ctx.algsSupported.join(', ')) : say('exAnyAlg'),
      alg,
    ),
    passIf(RULES.iss, claims.iss === ctx.issuer, ctx.issuer, shown(claims.iss)),
    ...audienceChecks(claims, ctx.clientId),
    ...timeChecks(claims, ctx.nowSeconds),
    ctx.nonce !== undefined
      ? passIf(RULES.nonce, claims.nonce === ctx.nonce, ctx.nonce, shown(claims.nonce))
      : outcome(RULES.nonce, 'skip', say('exNoNonceSent'), shown(claims.nonce)),
    claims.at_hash === undefined
      ? outcome(RULES.atHash, 'skip', say('exOptional'), say('exNotPresent'))
      : passIf(
          RULES.atHash,
          expectedHash !== undefined && claims.at_hash === expectedHash,
          expectedHash ?? say('exNoAccessToken'),
          shown(claims.at_hash),
        ),
    passIf(
      RULES.sub,
      typeof claims.sub === 'string' && claims.sub !== '',
      say('exNonEmptyString'),
      shown(claims.sub),
    ),
    ...requestedAuthChecks(claims, ctx),
  ];
}

/** §3.1.3.7 steps 12–13: what `acr_values` and `max_age` in the authorize request ask of the ID token. */
function requestedAuthChecks(claims: Record<string, unknown>, ctx: IdTokenContext): Check[] {
  const authTime = claims.auth_time;
  const age = typeof authTime === 'number' ? ctx.nowSeconds - authTime : undefined;
  const acr = claims.acr;
  return [
    ctx.maxAge === undefined
      ? outcome(RULES.authTime, 'skip', say('exNoMaxAge'), shown(authTime))
      : passIf(
          RULES.authTime,
          age !== undefined && age <= ctx.maxAge + CLOCK_TOLERANCE_S,
          say('exMaxAge', ctx.maxAge, CLOCK_TOLERANCE_S),
          age === undefined ? shown(authTime) : say('exAgo', shown(authTime), age),
        ),
    !ctx.acrValues?.length
      ? outcome(RULES.acr, 'skip', say('exNoAcrValues'), shown(acr))
      : outcome(
          RULES.acr,
          typeof acr === 'string' && ctx.acrValues.includes(acr) ? 'pass' : 'warn',
          say('exOneOf', ctx.acrValues.join(' ')),
          shown(acr),
        ),
  ];
}
