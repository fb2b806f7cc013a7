import { compactVerify, createLocalJWKSet, type JSONWebKeySet } from 'jose';

/** Where verification keys come from; `refresh` asks the provider again (RFC 7517 key rotation). */
export type JwksSource = (refresh: boolean) => Promise<JSONWebKeySet | { error: string }>;

export type SignatureResult =
  | { status: 'pass'; actual: string }
  | { status: 'fail'; actual: string }
  | { status: 'skip'; actual: string }
  | { status: 'warn'; actual: string };

const HASH_BITS: Record<string, number> = { HS256: 256, HS384: 384, HS512: 512 };

type Attempt =
  | { ok: true; kid?: string }
  | { ok: false; reason: 'no-key' | 'bad' }
  | { ok: false; reason: 'error'; message: string };

const codeOf = (e: unknown) => (e as { code?: string }).code;

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
    return { ok: false, reason: 'error', message: (e as Error).message };
  }
}

const describeKey = (kid: string | undefined) => (kid ? `key "${kid}"` : 'a key without kid');

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
  if (alg === 'none') return { status: 'fail', actual: 'unsigned (alg: none)' };
  if (alg.startsWith('HS')) {
    if (!clientSecret)
      return {
        status: 'fail',
        actual: `unverified: ${alg} is keyed with the client secret, and none was given`,
      };
    const key = new TextEncoder().encode(clientSecret);
    try {
      await compactVerify(token, key, { algorithms: [alg] });
    } catch {
      return { status: 'fail', actual: `${alg} signature does not verify with the client secret` };
    }
    const bits = HASH_BITS[alg] ?? 256;
    return key.length * 8 < bits
      ? {
          status: 'warn',
          actual: `verified, but the secret has ${key.length * 8} bits, below ${alg}'s ${bits}`,
        }
      : { status: 'pass', actual: `${alg}, verified with the client secret` };
  }
  if (!jwks)
    return {
      status: 'fail',
      actual: `unverified: ${alg} needs the provider's keys, and there is no JWKS URI (set it under Endpoints)`,
    };
  let set = await jwks(false);
  if ('error' in set) return { status: 'fail', actual: `could not get the JWKS: ${set.error}` };
  let attempt = await tryKeys(token, set, alg);
  let refetched = false;
  if (!attempt.ok && attempt.reason === 'no-key') {
    set = await jwks(true);
    if ('error' in set) return { status: 'fail', actual: `could not get the JWKS again: ${set.error}` };
    attempt = await tryKeys(token, set, alg);
    refetched = true;
  }
  if (attempt.ok) {
    const again = refetched ? ' (after fetching the JWKS again)' : '';
    return { status: 'pass', actual: `${alg}, verified with ${describeKey(attempt.kid ?? kid)}${again}` };
  }
  if (attempt.reason === 'no-key') {
    return {
      status: 'fail',
      actual: `no ${alg} key ${kid ? `with kid "${kid}" ` : ''}in the JWKS, even after fetching it again`,
    };
  }
  if (attempt.reason === 'bad')
    return { status: 'fail', actual: `${alg} signature does not verify with ${describeKey(kid)}` };
  return { status: 'fail', actual: 'message' in attempt ? attempt.message : 'verification failed' };
}
