import { base64url, decodeProtectedHeader, exportJWK, generateKeyPair } from 'jose';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { actionsFixture } from '../support/actions-fixture.ts';

/** Read a token: the local provider's own ID token, pasted, named, explained and verified. */
const { f, loggedIn } = actionsFixture();

const fieldOf = async (inspector: Page, name: string) =>
  (
    await inspector
      .getByRole('table', { name: 'Token response fields' })
      .getByRole('row', { name: new RegExp(`^${name} `) })
      .getByRole('cell')
      .first()
      .textContent()
  )?.trim() ?? '';
const idTokenOf = async (inspector: Page) =>
  /eyJ[\w-]+\.[\w-]+\.[\w-]+/.exec(await fieldOf(inspector, 'id_token'))![0];

async function readPage(): Promise<Page> {
  const page = await f.ext.context.newPage();
  await page.goto(`chrome-extension://${f.ext.extensionId}/src/trace/token.html`);
  return page;
}

async function paste(page: Page, text: string) {
  await page.getByLabel('Token', { exact: true }).fill(text);
  await page.getByRole('button', { name: 'Read', exact: true }).click();
}

describe('Read a token', () => {
  test('the provider’s ID token: named, sub shown, verified with the issuer’s keys; a wrong JWKS and alg none fail, saying why; bad paste refused', async () => {
    const inspector = await loggedIn();
    const idToken = await idTokenOf(inspector);
    const accessToken = await fieldOf(inspector, 'access_token');
    const page = await readPage();
    await paste(page, JSON.stringify({ access_token: accessToken, token_type: 'Bearer', id_token: idToken }));
    const section = page.getByRole('region', { name: 'ID token' });
    await expect.poll(() => section.count()).toBe(1);
    // The opaque access token, introspected at the profile's endpoint with its session secret.
    const opaque = page.getByRole('region', { name: 'An opaque token' });
    expect(await opaque.count()).toBe(1);
    await opaque.getByRole('button', { name: 'Introspect', exact: true }).click();
    const introspected = opaque.getByRole('table', { name: 'Introspection response' });
    await expect
      .poll(() => introspected.getByRole('row', { name: /^active / }).textContent())
      .toMatch(/true/);
    expect(await introspected.getByRole('row', { name: /^client_id / }).textContent()).toContain(
      'actions-app',
    );
    const claims = section.getByRole('table', { name: 'Claims' });
    expect(await claims.getByRole('row', { name: /^sub / }).textContent()).toMatch(
      /subject: whom it is about/,
    );
    expect(await claims.getByRole('row', { name: /^exp / }).textContent()).toMatch(/\(in \d+/);

    // The issuer's keys: discovery and the JWKS on loopback, each confirmed first.
    await section.getByRole('button', { name: 'Verify', exact: true }).click();
    for (let i = 0; i < 2; i++) {
      const fetchFrom = section.getByRole('button', { name: /^Fetch from http:\/\/127\.0\.0\.1/ });
      await expect.poll(() => fetchFrom.count()).toBe(1);
      await fetchFrom.click();
    }
    const checks = section.getByRole('table', { name: 'Verification' });
    await expect
      .poll(() => checks.getByRole('row').allTextContents())
      .toEqual([
        'StatusCheckExpectedActualRule',
        expect.stringMatching(/^✓ passSignature verifies with the keys given/),
        expect.stringMatching(/^✓ passToken is within its validity/),
      ]);

    // A JWKS without the token's kid, then one with its kid but another key.
    const { publicKey } = await generateKeyPair('RS256');
    const kid = decodeProtectedHeader(idToken).kid!;
    await section.getByLabel('A JWKS or a PEM public key').check();
    const keys = section.getByLabel('Keys (JWKS or PEM)');
    await keys.fill(JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'someone-else' }] }));
    await section.getByRole('button', { name: 'Verify', exact: true }).click();
    await expect.poll(() => checks.textContent()).toMatch(/no key with kid/);
    await keys.fill(JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'RS256' }] }));
    await section.getByRole('button', { name: 'Verify', exact: true }).click();
    await expect.poll(() => checks.textContent()).toMatch(/the signature does not verify: a wrong key/);
    await keys.fill('{"keys": [');
    await section.getByRole('button', { name: 'Verify', exact: true }).click();
    await expect.poll(() => section.getByRole('alert').textContent()).toMatch(/this JWKS is not JSON/);

    // alg none: read, and refused.
    const [, payload] = idToken.split('.');
    await paste(page, `${base64url.encode('{"alg":"none"}')}.${payload}.`);
    const unsigned = page.getByRole('region', { name: 'ID token' });
    await unsigned.getByLabel('A JWKS or a PEM public key').check();
    await unsigned.getByLabel('Keys (JWKS or PEM)').fill('{"keys":[]}');
    await unsigned.getByRole('button', { name: 'Verify', exact: true }).click();
    await expect
      .poll(() => unsigned.getByRole('table', { name: 'Verification' }).textContent())
      .toMatch(/alg: none: the token is unsigned, and is refused/);

    // Not a token: said, and what was read stays.
    await paste(page, 'hello world');
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/This is not a token/);
    expect(await page.getByRole('region', { name: 'ID token' }).count()).toBe(1);
  });
});
