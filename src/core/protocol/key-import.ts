import { calculateJwkThumbprint, exportJWK, importJWK, type JWK } from 'jose';
import { pemBody } from './pem.ts';
import { invalid, ok, type Result, messageOf } from '../flow-error.ts';
import type { KeyAlg, PublicJwk } from '../profile/profile.ts';
import { say, type Said } from '../i18n/say.ts';

/** What a key of each algorithm is (RFC 7518 §3.4, §3.5): its `kty`, and for EC its curve. */
const KEY_TYPES: Record<
  KeyAlg,
  { kty: string; crv?: string; named: string; webCrypto: EcKeyImportParams | RsaHashedImportParams }
> = {
  ES256: { kty: 'EC', crv: 'P-256', named: 'EC P-256', webCrypto: { name: 'ECDSA', namedCurve: 'P-256' } },
  PS256: { kty: 'RSA', named: 'RSA', webCrypto: { name: 'RSA-PSS', hash: 'SHA-256' } },
};

/**
 * A new key pair of `alg` (RSA: 2048 bits, exponent 65537), its private half non-extractable unless
 * asked (a run's DPoP key, kept as a session secret): made with WebCrypto rather than by jose's
 * generator, which carries every JWE algorithm along.
 */
export const newKeyPair = (alg: KeyAlg, extractable = false): Promise<CryptoKeyPair> =>
  crypto.subtle.generateKey(
    alg === 'PS256'
      ? ({
          name: 'RSA-PSS',
          hash: 'SHA-256',
          modulusLength: MIN_RSA_BITS,
          publicExponent: new Uint8Array([1, 0, 1]),
        } satisfies RsaHashedKeyGenParams)
      : ({ name: 'ECDSA', namedCurve: 'P-256' } satisfies EcKeyGenParams),
    extractable,
    ['sign', 'verify'],
  );

/** A PKCS#8 key as WebCrypto reads it for `alg` (extractable: its JWK is read once, here). */
const pkcs8Key = (der: Uint8Array<ArrayBuffer>, alg: KeyAlg): Promise<CryptoKey> =>
  crypto.subtle.importKey('pkcs8', der, KEY_TYPES[alg].webCrypto, true, ['sign']);

/** The members of each key type's public half (RFC 7518 §6.2.1, §6.3.1): nothing else is kept. */
const PUBLIC_MEMBERS: Record<string, string[]> = { EC: ['kty', 'crv', 'x', 'y'], RSA: ['kty', 'n', 'e'] };
/** And of its private half (§6.2.2, §6.3.2): a multi-prime key (`oth`) is not read. */
const PRIVATE_MEMBERS: Record<string, string[]> = { EC: ['d'], RSA: ['d', 'p', 'q', 'dp', 'dq', 'qi'] };

/** FAPI 2.0 §5.4.1: RSA keys of at least 2048 bits. */
export const MIN_RSA_BITS = 2048;

/** `jwk`'s members of `names` that are text, in that order. */
const membersOf = (jwk: Record<string, unknown>, names: string[]): Record<string, string> =>
  Object.fromEntries(names.flatMap((n) => (typeof jwk[n] === 'string' ? [[n, jwk[n]]] : [])));

/** A JWK's public half: `kty` and its key members only (no `kid`, `alg`, `use`, `key_ops`). */
export const publicHalf = (jwk: Record<string, unknown>): PublicJwk =>
  membersOf(jwk, PUBLIC_MEMBERS[String(jwk.kty)] ?? ['kty']);

/** A private JWK's key members only (its public half and `d`…): no `kid`, `alg`, `use`, `key_ops`, `ext`. */
export const privateHalf = (jwk: Record<string, unknown>): PublicJwk => ({
  ...publicHalf(jwk),
  ...membersOf(jwk, PRIVATE_MEMBERS[String(jwk.kty)] ?? []),
});

/** An RSA modulus's size in bits, from its base64url text (RFC 7518 §6.3.1.1). */
export const modulusBits = (n: string): number => Math.floor((n.length * 6) / 8) * 8;

/** A private key read from a file: its private JWK (key members only), public half, thumbprint and own `kid`. */
export interface ReadKey {
  privateJwk: PublicJwk;
  publicJwk: PublicJwk;
  /** RFC 7638 SHA-256 thumbprint of the public half: the `kid` when the key brings none. */
  thumbprint: string;
  kid?: string;
}

/** The conversion every refusal of another encoding names: PKCS#8 unencrypted, which WebCrypto reads. */
const TO_PKCS8 = 'openssl pkcs8 -topk8 -nocrypt -in key.pem -out key.pk8.pem';

/** The PEM labels (RFC 7468 §2) a private key file may carry but that cannot be imported as it is. */
const PEM_REFUSALS: [RegExp, () => Said][] = [
  [/-----BEGIN ENCRYPTED PRIVATE KEY-----/, () => say('keyEncrypted', TO_PKCS8)],
  [/-----BEGIN EC PRIVATE KEY-----/, () => say('keySec1', TO_PKCS8)],
  [/-----BEGIN RSA PRIVATE KEY-----/, () => say('keyPkcs1', TO_PKCS8)],
  [/-----BEGIN OPENSSH PRIVATE KEY-----/, () => say('keyOpenSsh')],
  [/-----BEGIN (PUBLIC KEY|RSA PUBLIC KEY|CERTIFICATE)-----/, () => say('keyPublicOnly')],
];

const refuse = (words: Said): Result<never> => invalid(say('keyRefused', words));

/**
 * A private key for `alg` from a file's text: a PKCS#8 PEM (`BEGIN PRIVATE KEY`) or a private JWK (a
 * JWKS holding one key too). Other encodings are refused with the command that converts them; a public
 * key, a JWK without `d`, a key of another type than `alg` wants, an RSA key under 2048 bits each get
 * their own reason. Nothing is kept of a refused file.
 */
export async function readPrivateKey(text: string, alg: KeyAlg): Promise<Result<ReadKey>> {
  const trimmed = text.trim();
  if (trimmed === '') return refuse(say('keyEmpty'));
  for (const [label, reason] of PEM_REFUSALS) if (label.test(trimmed)) return refuse(reason());
  if (trimmed.startsWith('-----BEGIN PRIVATE KEY-----')) return fromPkcs8(trimmed, alg);
  if (!trimmed.startsWith('{')) return refuse(say('keyNotKey'));
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch (e) {
    return refuse(say('keyNotJson', messageOf(e)));
  }
  return fromJwk(oneJwk(parsed), alg);
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A JWK, or the only key of a JWKS (RFC 7517 §5); anything else as it is, for `fromJwk` to refuse. */
const oneJwk = (v: unknown): unknown =>
  isObject(v) && Array.isArray(v.keys) && v.keys.length === 1 ? v.keys[0] : v;

async function fromPkcs8(pem: string, alg: KeyAlg): Promise<Result<ReadKey>> {
  const der = pemBody(pem, 'PRIVATE KEY');
  if (!der) return refuse(say('keyUnreadable', 'the PEM body is not base64'));
  let jwk: JWK;
  try {
    jwk = await exportJWK(await pkcs8Key(der, alg));
  } catch (e) {
    // Another algorithm's key reads under that algorithm: the type is wrong, not the file.
    const other = (Object.keys(KEY_TYPES) as KeyAlg[]).find((a) => a !== alg);
    const readsAsOther =
      other &&
      (await pkcs8Key(der, other).then(
        () => true,
        () => false,
      ));
    return refuse(
      readsAsOther ? say('keyWrongType', KEY_TYPES[other].named, alg) : say('keyUnreadable', messageOf(e)),
    );
  }
  return fromJwk(jwk, alg);
}

async function fromJwk(value: unknown, alg: KeyAlg): Promise<Result<ReadKey>> {
  if (!isObject(value) || typeof value.kty !== 'string')
    return refuse(isObject(value) && Array.isArray(value.keys) ? say('keyJwksCount') : say('keyNotJwk'));
  const wanted = KEY_TYPES[alg];
  const named = value.kty === 'EC' ? `EC ${String(value.crv)}` : value.kty;
  if (value.kty !== wanted.kty || (wanted.crv && value.crv !== wanted.crv))
    return refuse(say('keyWrongType', named, alg));
  if (typeof value.d !== 'string') return refuse(say('keyNoD'));
  const publicJwk = publicHalf(value);
  if (value.kty === 'RSA' && modulusBits(publicJwk.n ?? '') < MIN_RSA_BITS)
    return refuse(say('keyRsaShort', modulusBits(publicJwk.n ?? ''), MIN_RSA_BITS));
  const privateJwk = privateHalf(value);
  try {
    await importJWK(privateJwk, alg);
  } catch (e) {
    return refuse(say('keyUnreadable', messageOf(e)));
  }
  const kid = typeof value.kid === 'string' && value.kid.trim() !== '' ? value.kid.trim() : undefined;
  return ok({
    privateJwk,
    publicJwk,
    thumbprint: await calculateJwkThumbprint(publicJwk),
    ...(kid ? { kid } : {}),
  });
}
