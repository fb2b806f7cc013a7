import { messageOf } from '../flow-error.ts';
import { compactVerify, createLocalJWKSet, type JSONWebKeySet } from 'jose';
import type { Found } from './check.ts';
import { say, type Said } from '../i18n/say.ts';

/** Where verification keys come from; `refresh` asks the provider again (RFC 7517 key rotation). */
export type JwksSource = (refresh: boolean) => Promise<JSONWebKeySet | { error: Said }>;

export interface SignatureResult {
  status: 'pass' | 'fail' | 'skip' | 'warn';
  actual: Found;
}

const HASH_BITS: Record<string, number> = { HS256: 256, HS384: 384, HS512: 512 };

type Attempt =
  | { ok: true; kid?: string }
  | { ok: false; reason: 'no-key' | 'bad' }
  | { ok: false; reason: 'error'; message: string };

const codeOf = (e: unknown) => (typeof e === 'object' && e !== null && 'code' in e ? e.code : undefined);

/** Verifies with the matching key, or with each candidate when several match (no `kid`). */
async function tryKeys(token: string, jwks: JSONWebKeySet, alg: string): Promise<Attempt> {
  const options = { algorithms: [alg] };
  try {
    const { protectedHeader } = await compactVerify(token, createLocalJWKSet(jwks), options);
    return { ok: true, ...(protectedHeader.kid ? { kid: protectedHeader.kid } : {}) };
  } catch (e) {
    if (codeOf(e) === 'ERR_JWKS_NO_MATCHING_KEY') return { ok: false, reason: 'no-key' };
    if (codeOf(e) === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED') return { ok: false, reason: 'bad' };
    if (codeOf(e) === 'ERR_JWKS_MULTIPLE_MATCHING_KEYS') {
      for await (const key of e as AsyncIterable<CryptoKey>) {
        try {
          await compactVerify(token, key, options);
          return { ok: true };
        } catch {
          // the next candidate may be the one
        }
      }
      return { ok: false, reason: 'bad' };
    }
    return { ok: false, reason: 'error', message: messageOf(e) };
  }
}

const describeKey = (kid: string | undefined) => (kid ? say('keyNamed', kid) : say('keyNoKid'));

/**
 * A JWS signature per OIDC Core §3.1.3.7 steps 6–8: HS* keyed with the client secret's UTF-8 bytes,
 * asymmetric algorithms with the provider's JWKS (fetched again once when the `kid` is unknown).
 */
export async function verifySignature(
  token: string,
  header: Record<string, unknown>,
  clientSecret: string,
  jwks: JwksSource | undefined,
): Promise<SignatureResult> {
  const alg = typeof header.alg === 'string' ? header.alg : 'none';
  const kid = typeof header.kid === 'string' ? header.kid : undefined;
  if (alg === 'none') return { status: 'fail', actual: say('sigNone') };
  if (alg.startsWith('HS')) {
    if (!clientSecret) return { status: 'fail', actual: say('sigHsNoSecret', alg) };
    const key = new TextEncoder().encode(clientSecret);
    try {
      await compactVerify(token, key, { algorithms: [alg] });
    } catch {
      return { status: 'fail', actual: say('sigHsBad', alg) };
    }
    const bits = HASH_BITS[alg] ?? 256;
    return key.length * 8 < bits
      ? { status: 'warn', actual: say('sigHsWeak', key.length * 8, alg, bits) }
      : { status: 'pass', actual: say('sigHsOk', alg) };
  }
  if (!jwks) return { status: 'fail', actual: say('sigNoJwks', alg) };
  let set = await jwks(false);
  if ('error' in set) return { status: 'fail', actual: say('sigJwksError', set.error) };
  let attempt = await tryKeys(token, set, alg);
  let refetched = false;
  if (!attempt.ok && attempt.reason === 'no-key') {
    set = await jwks(true);
    if ('error' in set) return { status: 'fail', actual: say('sigJwksAgainError', set.error) };
    attempt = await tryKeys(token, set, alg);
    refetched = true;
  }
  if (attempt.ok) {
    return {
      status: 'pass',
      actual: say(refetched ? 'sigOkAgain' : 'sigOk', alg, describeKey(attempt.kid ?? kid)),
    };
  }
  if (attempt.reason === 'no-key') {
    return { status: 'fail', actual: kid ? say('sigNoKeyKid', alg, kid) : say('sigNoKey', alg) };
  }
  if (attempt.reason === 'bad') return { status: 'fail', actual: say('sigBad', alg, describeKey(kid)) };
  return { status: 'fail', actual: 'message' in attempt ? attempt.message : say('sigFailed') };
}
