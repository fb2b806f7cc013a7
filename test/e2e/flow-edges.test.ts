import { describe, expect, test } from 'vitest';
import { confidentialClient } from '../../dev/provider.ts';
import { authorize, flowFixture, isInspector, loginPage, verdict } from '../support/flow-fixture.ts';
import { logIn, openPopup, waitForPage } from '../../dev/pages.ts';

/** The flow's edges: another redirect URI, a worker stopped mid-login, endpoints, typing while waiting. */
const SECRET = 'plain-secret-0123456789abcdef0123456789';
// An app's own redirect URI; nothing listens there: the extension's network rule catches the navigation.
const OWN_REDIRECT = 'http://127.0.0.1:9/app/callback';

const f = flowFixture((redirect) => [
  confidentialClient('inspector-app', SECRET, [redirect]),
  confidentialClient('own-redirect-app', SECRET, [OWN_REDIRECT]),
]);

describe('redirect URIs', () => {
  test('the app’s own registered redirect URI works: the login window is routed back to the extension', async () => {
    const popup = await openPopup(f.ext.context, f.ext.extensionId, {
      issuer: f.idp.issuer,
      clientId: 'own-redirect-app',
      secret: SECRET,
    });
    await popup.getByLabel('Redirect URI', { exact: true }).fill(OWN_REDIRECT);
    await popup.getByRole('button', { name: 'Authorize' }).click();
    await logIn(await loginPage(f));
    const page = await waitForPage(f.ext.context, isInspector);
    await expect.poll(() => verdict(page)).toMatch(/^Tokens received/);
    const sent = page.getByRole('table', { name: 'Authorize request parameters' });
    await expect(sent.getByRole('row', { name: `redirect_uri ${OWN_REDIRECT}` }).count()).resolves.toBe(1);
  });
});

describe('a login that outlives the worker', () => {
  test('ends as interrupted in the inspector, never silently, and its login window is closed', async () => {
    const popup = await authorize(f, 'inspector-app', SECRET);
    const login = await loginPage(f);
    const page = await waitForPage(f.ext.context, isInspector);
    await expect.poll(() => verdict(page)).toMatch(/^In progress/);
    // What the browser does to an idle extension worker, done on purpose.
    const cdp = await f.ext.context.newCDPSession(popup);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await expect.poll(() => verdict(page)).toMatch(/^Interrupted/);
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(
      /stopped the extension’s background worker/,
    );
    await expect(page.getByRole('table', { name: 'Authorize request parameters' }).count()).resolves.toBe(1);
    try {
      // Nothing done in the login window could arrive any more: the next worker closed it, and says so.
      await expect.poll(() => login.isClosed()).toBe(true);
      await expect(page.getByRole('alert').textContent()).resolves.toMatch(/Its login window was closed/);
    } finally {
      if (!login.isClosed()) await login.close();
    }
  });
});

describe('an inspector closed during the login', () => {
  test('is opened again with the answer', async () => {
    await authorize(f, 'inspector-app', SECRET);
    const login = await loginPage(f);
    const behind = await waitForPage(f.ext.context, isInspector);
    await behind.close();
    await logIn(login);
    const page = await waitForPage(f.ext.context, isInspector);
    await expect.poll(() => verdict(page)).toMatch(/^Tokens received/);
    expect(f.ext.context.pages().filter((p) => isInspector(p.url()))).toHaveLength(1);
  });
});

describe('endpoints', () => {
  test('endpoints left at BTG Id’s documented paths give way to the discovery document (JWKS URI included)', async () => {
    const popup = await openPopup(f.ext.context, f.ext.extensionId, {
      issuer: f.idp.issuer,
      clientId: 'inspector-app',
      secret: SECRET,
    });
    await popup.locator('summary', { hasText: 'Endpoints' }).click();
    await popup.getByLabel('JWKS URI').fill(''); // the fields now hold exactly the documented fallback
    await popup.getByRole('button', { name: 'Authorize' }).click();
    await logIn(await loginPage(f));
    const page = await waitForPage(f.ext.context, isInspector);
    await expect.poll(() => verdict(page)).toMatch(/^Tokens received · All/);
    const signature = page
      .getByRole('table', { name: 'ID token checks' })
      .getByRole('row', { name: 'ID token signature is valid' });
    expect(await signature.textContent()).toContain('pass');
  });
});

describe('typing while the provider answers', () => {
  test('a slow discovery answer fills the endpoints without undoing what was typed meanwhile', async () => {
    // Discovery answers only once the Client ID has been typed: the order is made, not hoped for.
    let answer = () => {};
    const typed = new Promise<void>((r) => (answer = r));
    let asked = false;
    f.tamper = async (ctx) => {
      if (ctx.oidc?.route !== 'discovery') return;
      asked = true;
      await typed;
    };
    try {
      const popup = await f.ext.context.newPage();
      await popup.goto(`chrome-extension://${f.ext.extensionId}/src/popup/index.html`);
      await popup.evaluate(() => chrome.storage.local.remove('profiles'));
      await popup.reload();
      await popup.getByLabel('Issuer', { exact: true }).fill(f.idp.issuer);
      await popup.getByLabel('Issuer', { exact: true }).press('Tab');
      await expect.poll(() => asked).toBe(true);
      await popup.getByLabel('Client ID', { exact: true }).fill('typed-during-discovery');
      answer();
      await expect
        .poll(() => popup.getByLabel('Token endpoint').inputValue())
        .toBe(`${f.idp.issuer}/oauth2/token`);
      expect(await popup.getByLabel('Client ID', { exact: true }).inputValue()).toBe(
        'typed-during-discovery',
      );
      await popup.reload(); // and it was saved that way
      expect(await popup.getByLabel('Client ID', { exact: true }).inputValue()).toBe(
        'typed-during-discovery',
      );
      await popup.close();
    } finally {
      answer();
      f.tamper = undefined;
    }
  });
});
