import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchWithExtension, redirectUrlFor, type LaunchedExtension } from '../../dev/browser.ts';
import { confidentialClient, startProvider, type RunningProvider, type Tamper } from '../../dev/provider.ts';
import { logIn, openPopup, waitForPage } from '../support/pages.ts';

const SECRET = 'plain-secret-0123456789abcdef0123456789';
// Every reserved character RFC 6749 §2.3.1's form-encoding touches, and then some.
const SPECIAL_SECRET = 'p:ss%word+&= with spaces/?#[]@!$\'()*,;~"<>^`{|}\\';

let ext: LaunchedExtension;
let idp: RunningProvider;
let tamper: Tamper | undefined;

beforeAll(async () => {
  ext = await launchWithExtension({ headless: true });
  const redirect = redirectUrlFor(ext.extensionId);
  idp = await startProvider({
    clients: [
      confidentialClient('inspector-app', SECRET, [redirect]),
      confidentialClient('special-app', SPECIAL_SECRET, [redirect]),
    ],
    tamper: () => tamper,
  });
});

afterAll(async () => {
  await ext?.context.close();
  await idp?.close();
});

const isLogin = (url: string) => url.startsWith(`${idp.issuer}/interaction/`);
const isInspector = (url: string) => url.includes('/src/inspector/index.html#run=');

async function authorize(clientId: string, secret: string): Promise<{ popup: Page; inspector: () => Promise<Page> }> {
  for (const page of ext.context.pages().filter((p) => isInspector(p.url()))) await page.close();
  const popup = await openPopup(ext.context, ext.extensionId, { issuer: idp.issuer, clientId, secret, scopes: 'openid profile email' });
  await popup.getByRole('button', { name: 'Authorize' }).click();
  return { popup, inspector: () => waitForPage(ext.context, isInspector) };
}

describe('the Authorization Code flow in real Chromium against oidc-provider', () => {
  test('happy path: tokens and the decoded id_token reach the inspector', async () => {
    const { inspector } = await authorize('inspector-app', SECRET);
    await logIn(await waitForPage(ext.context, isLogin));
    const page = await inspector();
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('Tokens received');
    await expect(page.getByRole('heading', { name: 'Token response' }).isVisible()).resolves.toBe(true);
    const claims = page.getByRole('table', { name: 'id_token claims' });
    await expect(claims.getByRole('row', { name: /^sub ana/ }).count()).resolves.toBe(1);
    await expect(claims.getByRole('row', { name: /^aud inspector-app/ }).count()).resolves.toBe(1);
    const fields = page.getByRole('table', { name: 'Token response fields' });
    await expect(fields.getByRole('row', { name: /^token_type Bearer/ }).count()).resolves.toBe(1);
    await expect(page.getByRole('alert').count()).resolves.toBe(0);
  });
});
