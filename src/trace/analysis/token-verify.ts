import { compactVerify, createLocalJWKSet, errors, importSPKI, importX509, type JSONWebKeySet } from 'jose';
import { outcome, passIf, rfc, type Check, type Rule } from '../../core/checks/check.ts';
import { say, type Said } from '../../core/i18n/say.ts';
import { decodeToken } from '../../core/protocol/jwt.ts';

/*
 * A pasted token's signature verified against keys the person gives (a JWKS, a PEM public key or
 * certificate, a shared secret for HS*), and its validity in time: two checks, each with its reason.
 */

export type GivenKey = { jwks: string } | { pem: string } | { secret: string };

export const SIGNATURE: Rule = { id: 'read.signature', ...rfc(7515, '5.2') };
export const VALIDITY: Rule = { id: 'read.time', ...rfc(7519, '4.1.4') };

type Verifier = Parameters<typeof compactVerify>[1];

/** The key (or key set) to verify with, or why the one given is not one. */
async function verifierOf(given: GivenKey, alg: string): Promise<{ key: Verifier } | { error: Said }> {
  if ('secret' in given) {
    if (!alg.startsWith('HS')) return { error: say('readSecretNotHs', alg) };
    if (!given.secret) return { error: say('readSecretEmpty') };
    return { key: new TextEncoder().encode(given.secret) };
  }
  if ('jwks' in given) {
    let set: unknown;
    try {
      set = JSON.parse(given.jwks);
    } catch (e) {
      return { error: say('readJwksNotJson', e instanceof Error ? e.message : String(e)) };
    }
    // A single JWK is taken as a set of one.
    const keys = set && typeof set === 'object' && 'kty' in set ? { keys: [set] } : set;
    if (!keys || typeof keys !== 'object' || !Array.isArray((keys as { keys?: unknown }).keys))
      return { error: say('readJwksNoKeys') };
    return { key: createLocalJWKSet(keys as JSONWebKeySet) };
  }
  const pem = given.pem.trim();
  if (/PRIVATE KEY-----/.test(pem)) return { error: say('readPemPrivate') };
  try {
    if (/-----BEGIN CERTIFICATE-----/.test(pem)) return { key: await importX509(pem, alg) };
    if (/-----BEGIN PUBLIC KEY-----/.test(pem)) return { key: await importSPKI(pem, alg) };
  } catch (e) {
    return { error: say('readPemUnusable', alg, e instanceof Error ? e.message : String(e)) };
  }
  return { error: say('readPemNotPublic') };
}

/** Why a signature did not verify, in the person's terms. */
function refusal(e: unknown, header: Record<string, unknown>): Said {
  if (e instanceof errors.JWKSNoMatchingKey)
    return say('readKidNotInSet', typeof header.kid === 'string' ? header.kid : '—');
  if (e instanceof errors.JWKSMultipleMatchingKeys) return say('readSignatureBad');
  if (e instanceof errors.JWSSignatureVerificationFailed) return say('readSignatureBad');
  return say('readVerifyError', e instanceof Error ? e.message : String(e));
}

/** An instant as the worker can say it in any language: UTC, to the second. */
const utc = (seconds: number) =>
  `${new Date(seconds * 1000).toISOString().slice(0, 19).replace('T', ' ')} UTC`;

/** `exp` and `nbf` against now (RFC 7519 §4.1.4, §4.1.5), without leeway: the page says by how much. */
export function validityCheck(claims: Record<string, unknown>, nowMs: number): Check {
  const now = Math.floor(nowMs / 1000);
  const { exp, nbf } = claims;
  if (typeof exp === 'number' && exp <= now)
    return outcome(VALIDITY, 'fail', say('exReadValid'), say('readExpired', utc(exp)));
  if (typeof nbf === 'number' && nbf > now)
    return outcome(VALIDITY, 'fail', say('exReadValid'), say('readNotYet', utc(nbf)));
  if (typeof exp !== 'number') return outcome(VALIDITY, 'warn', say('exReadValid'), say('readNoExp'));
  return passIf(VALIDITY, true, say('exReadValid'), say('readValidUntil', utc(exp)));
}

/**
 * The signature against the given keys: `alg: none` refused outright; a key set without the token's
 * `kid`, a wrong key, an unusable key each said; and the validity in time beside it.
 */
export async function verifyPasted(
  token: string,
  given: GivenKey,
  nowMs: number,
): Promise<{ checks: Check[] } | { error: Said }> {
  const decoded = decodeToken(token);
  if (decoded.kind !== 'jwt') return { error: say('readNotSigned') };
  const alg = typeof decoded.header.alg === 'string' ? decoded.header.alg : '';
  const time = validityCheck(decoded.claims, nowMs);
  if (alg === '' || alg.toLowerCase() === 'none')
    return { checks: [outcome(SIGNATURE, 'fail', say('exReadSigned'), say('readAlgNone')), time] };
  const verifier = await verifierOf(given, alg);
  if ('error' in verifier) return verifier;
  try {
    await compactVerify(token, verifier.key, { algorithms: [alg] });
    return { checks: [passIf(SIGNATURE, true, say('exReadSigned'), say('readSignatureGood', alg)), time] };
  } catch (e) {
    return { checks: [outcome(SIGNATURE, 'fail', say('exReadSigned'), refusal(e, decoded.header)), time] };
  }
}
