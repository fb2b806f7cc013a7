import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, onTestFinished, test } from 'vitest';
import { logIn, pasted, waitForPage } from '../../dev/pages.ts';
import { assertionHeader, keyPopup, registerShownKey } from '../support/key-popup.ts';
import { flowFixture, isInspector, loginPage, submit, verdict } from '../support/flow-fixture.ts';

/*
 * private_key_jwt end to end: the key made (or imported) in the extension, its public JWKS read from the
 * popup's Public key (JWKS) field and registered at a real oidc-provider while it runs, then logins
 * that provider checks the assertions of. The browser restarts on the same profile directory.
 */
const f = flowFixture(() => [], { profileDir: mkdtempSync(join(tmpdir(), 'aci-keys-')) });

describe('private_key_jwt with a key made in the extension', () => {
  test('Generate a key, register its JWKS, log in with every check passed; after a browser restart the same key signs', async () => {
    const popup = await keyPopup(f, 'pk-app');
    await popup.getByLabel('Key type').selectOption('ES256');
    await popup.getByRole('button', { name: 'Generate a key' }).click();
    const jwksField = popup.getByLabel('Public key (JWKS)');
    await expect.poll(() => jwksField.count()).toBe(1);
    const jwks = JSON.parse(await jwksField.inputValue()) as { keys: Record<string, string>[] };
    expect(jwks.keys).toHaveLength(1);
    const [key] = jwks.keys;
    expect(key).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    expect(key).not.toHaveProperty('d');
    expect(await popup.getByLabel('Key ID (kid)').inputValue()).toBe(key!.kid);
    // The one secret kept on disk without an opt-in: said where it is made.
    expect(await popup.getByText(/kept on this device’s disk without asking/).count()).toBe(1);
    await popup.getByRole('button', { name: 'Copy public JWKS' }).click();
    expect(JSON.parse(await pasted(f.ext.context))).toEqual(jwks);
    await popup.getByRole('button', { name: 'Copy public key (PEM)' }).click();
    expect(await pasted(f.ext.context)).toMatch(
      /^-----BEGIN PUBLIC KEY-----\n[\s\S]+-----END PUBLIC KEY-----/,
    );
    await registerShownKey(f, 'pk-app', popup);

    const page = await submit(f, popup);
    await expect.poll(() => verdict(page)).toMatch(/^Tokens received · All/);
    const header = await assertionHeader(page);
    expect(header).toContain('ES256');
    expect(header).toContain(key!.kid);
    // Refresh authenticates the client the same way.
    await page.getByRole('button', { name: 'Refresh tokens' }).click();
    await expect.poll(() => page.getByText('Refresh token rotated').count()).toBe(1);
    // No private key in either storage area: the key store alone holds it. (Another test's imported key,
    // a session secret by design, may sit under its own `key:` record.)
    const records = await f.ext.worker.evaluate(async () =>
      [await chrome.storage.local.get(null), await chrome.storage.session.get(null)].flatMap((area) =>
        Object.entries(area),
      ),
    );
    const book = records.find(([k]) => k === 'profiles')?.[1] as {
      profiles: { clientKey?: { kid: string; ref?: string } }[];
    };
    const ref = book.profiles.find((p) => p.clientKey?.kid === key!.kid)?.clientKey?.ref;
    expect(ref).toBeTruthy();
    expect(records.some(([k]) => k === `key:${ref}`)).toBe(false);
    expect(
      records.filter(([k]) => !k.startsWith('key:')).map(([, v]) => JSON.stringify(v)),
    ).not.toContainEqual(expect.stringMatching(/"d":/));

    await f.restart();
    const again = await f.ext.context.newPage();
    await again.goto(`chrome-extension://${f.ext.extensionId}/src/popup/index.html`);
    await expect.poll(() => again.getByLabel('Key ID (kid)').inputValue()).toBe(key!.kid);
    const afterRestart = await submit(f, again);
    await expect.poll(() => verdict(afterRestart)).toMatch(/^Tokens received · All/);
    expect(await assertionHeader(afterRestart)).toContain(key!.kid);
    // Duplicate profile copies no key: a private key belongs to one profile.
    await again.locator('summary', { hasText: 'Profile actions' }).click();
    await again.getByRole('button', { name: 'Duplicate profile' }).click();
    await expect.poll(() => again.getByText(/No key yet/).count()).toBe(1);
    expect(await again.getByLabel('Public key (JWKS)').count()).toBe(0);
  });

  test('Import a private key (PKCS#8, RSA for PS256): it signs; a refused audience is explained and retried', async () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const popup = await keyPopup(f, 'pk-imported');
    await popup.getByLabel('Key type').selectOption('PS256');
    await popup
      .getByLabel('Import a private key')
      .setInputFiles({ name: 'key.pk8.pem', mimeType: 'application/x-pem-file', buffer: Buffer.from(pem) });
    const jwksField = popup.getByLabel('Public key (JWKS)');
    await expect.poll(() => jwksField.count()).toBe(1);
    const shown = JSON.parse(await jwksField.inputValue()) as { keys: Record<string, string>[] };
    expect(shown.keys[0]).toMatchObject({
      kty: 'RSA',
      alg: 'PS256',
      n: rsa.publicKey.export({ format: 'jwk' }).n,
    });
    expect(await popup.getByText(/kept for this session only/).count()).toBe(1);
    await registerShownKey(f, 'pk-imported', popup);
    // A provider as strict as FAPI 2.0 §5.3.2.1 (the issuer, nothing else, as the audience): the endpoint's URL is refused.
    await popup.getByLabel('Assertion audience').selectOption('endpoint');
    f.tamper = (ctx) => {
      const assertion = (ctx.oidc?.params?.client_assertion as string | undefined) ?? '';
      if (ctx.oidc?.route !== 'token' || !assertion) return;
      const claims = JSON.parse(Buffer.from(assertion.split('.')[1]!, 'base64url').toString()) as {
        aud: string;
      };
      if (claims.aud !== f.idp.issuer) {
        ctx.status = 401;
        ctx.body = { error: 'invalid_client', error_description: 'invalid client assertion' };
      }
    };
    onTestFinished(() => {
      f.tamper = undefined;
    });

    const page = await submit(f, popup);
    await expect.poll(() => verdict(page)).toMatch(/Failed/);
    const alert = (await page.getByRole('alert').first().textContent()) ?? '';
    expect(alert).toMatch(/invalid_client/);
    expect(alert).toMatch(
      /the provider does not hold this public key: register the JWKS shown under Client key/,
    );
    expect(alert).toMatch(/wants its issuer identifier as the assertion’s audience \(aud\)/);
    await page.getByRole('button', { name: 'Retry with the issuer as audience' }).click();
    await logIn(await loginPage(f));
    const retried = await waitForPage(f.ext.context, isInspector);
    await expect.poll(() => verdict(retried)).toMatch(/^Tokens received/);
    expect(await assertionHeader(retried)).toContain('PS256');
  });

  test('a key file that cannot be used is refused with the reason, and the profile keeps no key', async () => {
    const popup = await keyPopup(f, 'pk-app');
    const sec1 = generateKeyPairSync('ec', {
      namedCurve: 'P-256',
      privateKeyEncoding: { type: 'sec1', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    await popup.getByLabel('Import a private key').setInputFiles({
      name: 'ec.pem',
      mimeType: 'application/x-pem-file',
      buffer: Buffer.from(sec1.privateKey),
    });
    const alert = popup.getByRole('alert');
    await expect
      .poll(() => alert.textContent())
      .toMatch(/SEC1 form .* openssl pkcs8 -topk8 -nocrypt -in key\.pem/);
    const publicJwk = JSON.stringify(createPublicKey(sec1.publicKey).export({ format: 'jwk' }));
    await popup
      .getByLabel('Import a private key')
      .setInputFiles({ name: 'public.json', mimeType: 'application/json', buffer: Buffer.from(publicJwk) });
    await expect
      .poll(() => alert.textContent())
      .toMatch(/this JWK has no private part \(d\): it is a public key/);
    expect(await popup.getByLabel('Public key (JWKS)').count()).toBe(0);
    expect(await popup.getByText(/No key yet/).count()).toBe(1);
    // Without a key, Authorize says what to do before anything is sent.
    await popup.getByRole('button', { name: 'Authorize' }).click();
    await expect.poll(() => alert.textContent()).toMatch(/this profile has no key: generate or import one/);
  });
});
