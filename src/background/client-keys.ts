import { calculateJwkThumbprint, exportJWK, importJWK } from 'jose';
import { toPem } from '../core/protocol/pem.ts';
import { FlowFailure, type Result, ok } from '../core/flow-error.ts';
import type { ClientKey, KeyAlg, PublicJwk } from '../core/profile/profile.ts';
import type { KeyCredential } from '../core/protocol/client-auth.ts';
import { newKeyPair, publicHalf, readPrivateKey } from '../core/protocol/key-import.ts';
import { importedKeyKey, type ImportedKeyRecord } from '../core/view/stored-records.ts';
import { say } from '../core/i18n/say.ts';
import type { WorkerPlatform } from './worker-platform.ts';

/*
 * The client's private keys, in the worker only (design.md: secrets never reach a page). A generated key
 * is a non-extractable CryptoKey in the key store (IndexedDB): on disk without an opt-in, which the
 * popup says, with Delete key beside it. An imported key is a secret like the client secret: its
 * private JWK in storage.session, and in storage.local only when the profile remembers its secret.
 * Each record keeps the thumbprint of its public half: a key is used only for the profile naming it.
 */

/** What the key store holds for a generated key. */
interface GeneratedKeyRecord {
  privateKey: CryptoKey;
  thumbprint: string;
}

const isGenerated = (v: unknown): v is GeneratedKeyRecord =>
  typeof v === 'object' && v !== null && 'privateKey' in v && 'thumbprint' in v;

const isImported = (v: unknown): v is ImportedKeyRecord =>
  typeof v === 'object' && v !== null && 'jwk' in v && 'thumbprint' in v && typeof v.thumbprint === 'string';

/** A new key pair for `alg` (RSA 2048 for PS256), its private half non-extractable, kept under `ref`. */
export async function generateClientKey(
  platform: WorkerPlatform,
  alg: KeyAlg,
  ref: string,
): Promise<ClientKey> {
  const { privateKey, publicKey } = await newKeyPair(alg);
  const jwk = publicHalf(await exportJWK(publicKey));
  const thumbprint = await calculateJwkThumbprint(jwk);
  await platform.keys.write(ref, { privateKey, thumbprint } satisfies GeneratedKeyRecord);
  return { kid: thumbprint, alg, jwk, ref, source: 'generated' };
}

/**
 * A private key read from a file, kept under `ref` as a secret (the session's; the disk's too when
 * `remember`): its kid is the key's own, or else its thumbprint. A refused file keeps nothing.
 */
export async function importClientKey(
  platform: WorkerPlatform,
  text: string,
  alg: KeyAlg,
  ref: string,
  remember: boolean,
): Promise<Result<ClientKey>> {
  const read = await readPrivateKey(text, alg);
  if (!read.ok) return read;
  const { privateJwk, publicJwk, thumbprint, kid } = read.value;
  const record = { [importedKeyKey(ref)]: { jwk: privateJwk, thumbprint } satisfies ImportedKeyRecord };
  await platform.storage.write('session', record);
  if (remember) await platform.storage.write('local', record);
  return ok({ kid: kid ?? thumbprint, alg, jwk: publicJwk, ref, source: 'imported' });
}

/** Everything kept of the private key under `ref`, wherever it is. */
export async function removeClientKey(platform: WorkerPlatform, ref: string): Promise<void> {
  await Promise.all([
    platform.keys.remove(ref),
    platform.storage.remove('session', [importedKeyKey(ref)]),
    platform.storage.remove('local', [importedKeyKey(ref)]),
  ]);
}

/** An imported key's record on disk follows the profile's Remember secret; a generated key stays where it is. */
export async function rememberClientKey(
  platform: WorkerPlatform,
  ref: string,
  remember: boolean,
): Promise<void> {
  const key = importedKeyKey(ref);
  if (!remember) return platform.storage.remove('local', [key]);
  const record = await platform.storage.readKey('session', key);
  if (record !== undefined) await platform.storage.write('local', { [key]: record });
}

/**
 * The private key `key` names, when this device holds it for that public key: the key store's, or an
 * imported one (the session's, else the disk's).
 */
export async function findSigningKey(
  platform: WorkerPlatform,
  key: KeyCredential,
): Promise<CryptoKey | undefined> {
  const thumbprint = await calculateJwkThumbprint(key.jwk);
  const generated = await platform.keys.read(key.ref);
  if (isGenerated(generated) && generated.thumbprint === thumbprint) return generated.privateKey;
  for (const area of ['session', 'local'] as const) {
    const imported = await platform.storage.readKey(area, importedKeyKey(key.ref));
    if (isImported(imported) && imported.thumbprint === thumbprint)
      return importJWK(imported.jwk, key.alg) as Promise<CryptoKey>;
  }
  return undefined;
}

/** The key a request signs with; a key not on this device stops the request with the reason and the next step. */
export async function signingKey(platform: WorkerPlatform, key: KeyCredential): Promise<CryptoKey> {
  const found = await findSigningKey(platform, key);
  if (!found) throw new FlowFailure({ code: 'invalid_input', ...say('keyNotOnDevice') });
  return found;
}

/** The public key as SPKI PEM (RFC 7468 §13), which some registration portals ask for instead of a JWKS. */
export async function publicKeyPem(jwk: PublicJwk, alg: KeyAlg): Promise<string> {
  const key = await importJWK(jwk, alg, { extractable: true });
  if (!(key instanceof CryptoKey)) throw new TypeError('not a public key');
  return toPem('PUBLIC KEY', await crypto.subtle.exportKey('spki', key));
}
