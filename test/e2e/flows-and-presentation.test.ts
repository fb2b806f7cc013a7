import { describe, expect, test } from 'vitest';
import { openPopup, pasted } from '../../dev/pages.ts';
import { submit, verdict } from '../support/flow-fixture.ts';
import { actionsFixture, SECRET } from '../support/actions-fixture.ts';

/** The other flows and token shapes a finished run shows: client credentials, JWT access tokens, presentation mode. */
const { f, loggedIn } = actionsFixture();

describe('client credentials (RFC 6749 §4.4)', () => {
  test('a token for the client itself, with no login window', async () => {
    const popup = await openPopup(f.ext.context, f.ext.extensionId, {
      issuer: f.idp.issuer,
      clientId: 'cc-app',
      secret: SECRET,
      scopes: 'api:read',
    });
    await popup.getByLabel('Flow').selectOption('client_credentials');
    await expect.poll(() => popup.getByLabel('Redirect URI', { exact: true }).count()).toBe(0);
    const page = await submit(f, popup, 'Request token', false);
    await expect.poll(() => verdict(page)).toMatch(/^Tokens received · All/);
    expect(f.ext.context.pages().some((p) => p.url().includes('/interaction/'))).toBe(false);
    expect(await page.getByLabel('Token request body').textContent()).toContain(
      'grant_type=client_credentials',
    );
    await expect(page.getByRole('button', { name: 'Copy as curl: token request' }).count()).resolves.toBe(1);
  });
});

describe('JWT access tokens (RFC 9068), asked for with an extra authorize parameter', () => {
  test('resource= in the authorize request brings an at+jwt access token, verified and profiled', async () => {
    const popup = await openPopup(f.ext.context, f.ext.extensionId, {
      issuer: f.idp.issuer,
      clientId: 'actions-app',
      secret: SECRET,
      scopes: 'openid api:read',
    });
    await popup.locator('summary', { hasText: 'Request options' }).click();
    await popup.getByRole('button', { name: 'Add authorization parameter' }).click();
    await popup.getByLabel('Authorization parameter 1 name').fill('resource');
    await popup.getByLabel('Authorization parameter 1 value').fill('https://api.example.test');
    const page = await submit(f, popup);
    await expect.poll(() => verdict(page)).toMatch(/^Tokens received · All/);
    const sent = page.getByRole('table', { name: 'Authorize request parameters' });
    await expect(sent.getByRole('row', { name: 'resource https://api.example.test' }).count()).resolves.toBe(
      1,
    );
    const header = page.getByRole('table', { name: 'access_token header' });
    await expect(header.getByRole('row', { name: /^typ at\+jwt/ }).count()).resolves.toBe(1);
    const checks = page.getByRole('table', { name: 'Access token checks' });
    for (const title of [
      'Access token signature (when a JWT)',
      'Access token type is at+jwt',
      'Access token names this client (client_id)',
    ])
      expect(await checks.getByRole('row', { name: title }).textContent()).toMatch(/pass/);
  });

  test('a row naming a parameter the tool sends is refused before anything is sent', async () => {
    const popup = await openPopup(f.ext.context, f.ext.extensionId, {
      issuer: f.idp.issuer,
      clientId: 'actions-app',
      secret: SECRET,
    });
    await popup.locator('summary', { hasText: 'Request options' }).click();
    await popup.getByRole('button', { name: 'Add authorization parameter' }).click();
    await popup.getByLabel('Authorization parameter 1 name').fill('scope');
    await popup.getByLabel('Authorization parameter 1 value').fill('admin');
    await popup.getByRole('button', { name: 'Authorize' }).click();
    await expect
      .poll(() => popup.getByRole('alert').textContent())
      .toMatch(/Authorization request parameter "scope" is sent by the tool; set it with the Scopes field/);
    await popup.close();
  });
});

describe('presentation mode (for a demo on a shared screen)', () => {
  test('tokens, codes and raw bodies masked on screen, claims and checks visible, copying still copies, remembered', async () => {
    const page = await loggedIn();
    const encoded = page.getByLabel('Encoded id_token');
    const token = await encoded.textContent();
    expect(token).toMatch(/^eyJ/);
    await page.getByLabel('Presentation mode').check();
    await expect.poll(() => encoded.textContent()).toMatch(/hidden in presentation mode/);
    expect(await page.getByLabel('Raw token response body').textContent()).toMatch(
      /hidden in presentation mode/,
    );
    const fields = page.getByRole('table', { name: 'Token response fields' });
    expect(await fields.getByRole('row', { name: /^access_token / }).textContent()).toMatch(/hidden/);
    expect(await fields.getByRole('row', { name: /^token_type Bearer/ }).count()).toBe(1);
    const claims = page.getByRole('table', { name: 'id_token claims' });
    expect(await claims.getByRole('row', { name: /^aud actions-app/ }).count()).toBe(1);
    expect(await page.getByRole('table', { name: 'ID token checks' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Copy id_token' }).click();
    expect(await pasted(f.ext.context)).toBe(token);
    await page.reload();
    await expect
      .poll(() => page.getByLabel('Encoded id_token').textContent())
      .toMatch(/hidden in presentation mode/);
    const popup = await f.ext.context.newPage();
    await popup.goto(`chrome-extension://${f.ext.extensionId}/src/popup/index.html`);
    await expect.poll(() => popup.getByRole('button', { name: 'Show secret' }).isDisabled()).toBe(true);
    await page.getByLabel('Presentation mode').uncheck();
    await expect.poll(() => page.getByLabel('Encoded id_token').textContent()).toBe(token);
    await popup.close();
  });
});
