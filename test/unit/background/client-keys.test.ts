import { decodeProtectedHeader, exportJWK, exportPKCS8, generateKeyPair, importJWK, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startProvider, type RunningProvider } from '../../../dev/provider.ts';
import {
  findSigningKey,
  generateClientKey,
  importClientKey,
  publicKeyPem,
  rememberClientKey,
  removeClientKey,
} from '../../../src/background/client-keys.ts';
import { startRun } from '../../../src/background/start-run.ts';
import { keyCredential } from '../../../src/core/protocol/client-auth.ts';
import { fallbackEndpoints } from '../../../src/core/profile/presets.ts';
import { defaultProfile, type ClientKey, type Profile } from '../../../src/core/profile/profile.ts';
import { readRun, runKey, importedKeyKey } from '../../../src/core/view/stored-records.ts';
import { memoryDeps, memoryPlatform } from '../../support/memory-platform.ts';
import { hintInEnglish, inEnglish } from '../../support/words.ts';

const credentialOf = (key: ClientKey) => keyCredential({ ...defaultProfile(''), clientKey: key })!;

describe('client keys: made or imported in the worker, found only for the profile naming them', () => {
  test('a generated key is non-extractable, kept in the key store, and signs what its public key verifies', async () => {
    const platform = memoryPlatform();
    const key = await generateClientKey(platform, 'ES256', 'ref-1');
    expect(key).toMatchObject({
      alg: 'ES256',
      ref: 'ref-1',
      source: 'generated',
      jwk: { kty: 'EC', crv: 'P-256' },
    });
    expect(key.jwk).not.toHaveProperty('d');
    const privateKey = await findSigningKey(platform, credentialOf(key));
    expect(privateKey?.extractable).toBe(false);
    // Nothing of it in either storage area: the key store alone holds it.
    expect(platform.areas.session.size + platform.areas.local.size).toBe(0);
    // A profile naming another public key under the same handle gets nothing.
    const other = await generateKeyPair('ES256');
    const wrong = { ...key, jwk: await exportJWK(other.publicKey) } as ClientKey;
    expect(await findSigningKey(platform, credentialOf(wrong))).toBeUndefined();
    await removeClientKey(platform, 'ref-1');
    expect(await findSigningKey(platform, credentialOf(key))).toBeUndefined();
  });

  test('an imported key is a session secret, on disk only when remembered; PEM of the public half', async () => {
    const platform = memoryPlatform();
    const { privateKey } = await generateKeyPair('PS256', { extractable: true, modulusLength: 2048 });
    const imported = await importClientKey(platform, await exportPKCS8(privateKey), 'PS256', 'ref-2', false);
    if (!imported.ok) throw new Error(JSON.stringify(imported.error));
    expect(imported.value).toMatchObject({ alg: 'PS256', source: 'imported' });
    expect(platform.areas.session.has(importedKeyKey('ref-2'))).toBe(true);
    expect(platform.areas.local.size).toBe(0);
    await rememberClientKey(platform, 'ref-2', true);
    expect(platform.areas.local.has(importedKeyKey('ref-2'))).toBe(true);
    await rememberClientKey(platform, 'ref-2', false);
    expect(platform.areas.local.size).toBe(0);
    expect(await findSigningKey(platform, credentialOf(imported.value))).toBeDefined();
    expect(await publicKeyPem(imported.value.jwk, 'PS256')).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    // A refused file keeps nothing.
    const before = platform.areas.session.size;
    const refused = await importClientKey(platform, 'not a key', 'PS256', 'ref-3', true);
    expect(refused.ok).toBe(false);
    expect([platform.areas.session.size, platform.areas.local.size]).toEqual([before, 0]);
  });
});

describe('private_key_jwt against a real provider (oidc-provider on loopback)', () => {
  let idp: RunningProvider;
  beforeAll(async () => {
    idp = await startProvider({ clients: [] });
  });
  afterAll(() => idp.close());

  const profileWith = (clientId: string, key?: ClientKey): Profile => ({
    ...defaultProfile('https://memory-extension.chromiumapp.org/'),
    issuer: idp.issuer,
    clientId,
    scopes: '',
    flow: 'client_credentials',
    clientAuth: 'private_key_jwt',
    endpoints: fallbackEndpoints(idp.issuer),
    ...(key ? { clientKey: key } : {}),
  });

  test('the provider takes an assertion signed with the generated key; one with a key it does not hold is explained', async () => {
    const platform = memoryPlatform();
    const deps = memoryDeps(platform);
    const key = await generateClientKey(platform, 'ES256', 'pk-ref');
    const jwks = { keys: [{ ...key.jwk, kid: key.kid, alg: key.alg, use: 'sig' }] };
    const client = { grant_types: ['client_credentials'], response_types: [], redirect_uris: [] };
    await idp.register({
      client_id: 'pk-app',
      token_endpoint_auth_method: 'private_key_jwt',
      jwks,
      ...client,
    });
    const started = await startRun(profileWith('pk-app', key), 'Keyed', undefined, deps);
    if (!started.ok) throw new Error(JSON.stringify(started.error));
    const stored = () => readRun(platform.areas.session.get(runKey(started.value.runId)));
    await expect.poll(() => stored()?.status, { timeout: 10_000 }).toBe('done');
    const token = stored()!.steps.find((s) => s.kind === 'token')!;
    expect(token.status).toBe('ok');
    const form = new URLSearchParams(token.exchanges[0]!.request.body);
    const assertion = form.get('client_assertion')!;
    expect(decodeProtectedHeader(assertion)).toEqual({ alg: 'ES256', kid: key.kid, typ: 'JWT' });
    const { payload } = await jwtVerify(assertion, await importJWK(key.jwk, 'ES256'), {
      issuer: 'pk-app',
      subject: 'pk-app',
      audience: idp.issuer,
    });
    expect(payload.exp! - payload.iat!).toBeLessThanOrEqual(60);

    // Registered with another public key: refused, and the first cause named is that key.
    const other = await generateKeyPair('ES256');
    const otherJwks = { keys: [{ ...(await exportJWK(other.publicKey)), alg: 'ES256', use: 'sig' }] };
    await idp.register({
      client_id: 'pk-other',
      token_endpoint_auth_method: 'private_key_jwt',
      jwks: otherJwks,
      ...client,
    });
    const again = await startRun(profileWith('pk-other', key), 'Other', undefined, deps);
    if (!again.ok) throw new Error(JSON.stringify(again.error));
    const refused = () => readRun(platform.areas.session.get(runKey(again.value.runId)));
    await expect.poll(() => refused()?.status, { timeout: 10_000 }).toBe('failed');
    expect(hintInEnglish(refused()!.error)).toMatch(
      new RegExp(
        `^.*the provider does not hold this public key: register the JWKS shown under Client key with this client \\(kid ${key.kid}\\)`,
      ),
    );
  });

  test('refused before anything is sent: no key, or a key whose private half is not on this device', async () => {
    const deps = memoryDeps(memoryPlatform());
    const none = await startRun(profileWith('pk-app'), 'x', undefined, deps);
    expect(!none.ok && inEnglish(none.error)).toMatch(
      /this profile has no key: generate or import one under Client key/,
    );
    const elsewhere = await generateClientKey(memoryPlatform(), 'ES256', 'there');
    const notHere = await startRun(profileWith('pk-app', elsewhere), 'x', undefined, deps);
    expect(!notHere.ok && inEnglish(notHere.error)).toMatch(
      /private key of this profile is not on this device/,
    );
  });
});
