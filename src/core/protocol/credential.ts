import type { ClientKey, Profile } from '../profile/profile.ts';

/*
 * The client's credential as a value, without the strategies that use it (`client-auth.ts`, which signs
 * with jose): the run record and the popup read credentials without loading a JWT library.
 */

/** A private key the client holds, as a request names it: the profile's key reference (`ref` its handle). */
export type KeyCredential = { kind: 'key' } & Required<Omit<ClientKey, 'source'>>;

/**
 * What the client proves itself with (design.md: a credential union): a shared secret, or a private
 * key it holds, named by its algorithm and key ID (the key itself stays in the worker's key store).
 */
export type ClientCredential = { kind: 'secret'; secret: string } | KeyCredential;

/**
 * The key a profile proves itself with under `private_key_jwt`, when it names one held on this device
 * (a profile from a file, or a copy, names only the public half: `ref` absent).
 */
export const keyCredential = (profile: Profile): KeyCredential | undefined => {
  const key = profile.clientKey;
  return key?.ref === undefined
    ? undefined
    : { kind: 'key', kid: key.kid, alg: key.alg, jwk: key.jwk, ref: key.ref };
};

/** The credential a run of `profile` uses: its key under `private_key_jwt`, else the secret typed for it. */
export const credentialFor = (
  profile: Profile,
  secret: ClientCredential | undefined,
): ClientCredential | undefined =>
  profile.clientAuth === 'private_key_jwt' ? keyCredential(profile) : secret;

/** A secret as a credential: an empty one is no credential (a public client). */
export const secretCredential = (secret: string): ClientCredential | undefined =>
  secret === '' ? undefined : { kind: 'secret', secret };
