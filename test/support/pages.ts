import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';

/** The first page whose URL satisfies `match`, waiting for it to appear (new tabs and windows alike). */
export async function waitForPage(
  context: BrowserContext,
  match: (url: string) => boolean,
  timeoutMs = 15_000,
): Promise<Page> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const page = context.pages().find((p) => match(p.url()));
    if (page) return page;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(
    `no page matched within ${timeoutMs} ms; open: ${context
      .pages()
      .map((p) => p.url())
      .join(', ')}`,
  );
}

export interface FormValues {
  issuer: string;
  clientId: string;
  secret: string;
  scopes?: string;
}

/** Opens the toolbar popup's page in a tab and fills it the way a person would, by label. */
export async function openPopup(
  context: BrowserContext,
  extensionId: string,
  values: FormValues,
): Promise<Page> {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/src/popup/index.html`);
  const issuer = popup.getByLabel('Issuer', { exact: true });
  await issuer.fill(values.issuer);
  await issuer.press('Tab'); // commits the value: discovery fills the Endpoints
  await popup.getByLabel('Client ID', { exact: true }).fill(values.clientId);
  await popup.getByLabel('Client secret', { exact: true }).fill(values.secret);
  if (values.scopes !== undefined) await popup.getByLabel('Scopes', { exact: true }).fill(values.scopes);
  await expect
    .poll(() => popup.getByLabel('Token endpoint').inputValue())
    .toBe(`${values.issuer}/oauth2/token`);
  return popup;
}

let users = 0;

/**
 * At oidc-provider's development login: any user and password, then its consent screen. A fresh user
 * per login by default, so the consent screen always comes (a granted user skips it).
 */
export async function logIn(
  login: Page,
  consent: 'continue' | 'cancel' = 'continue',
  user = `user${++users}`,
): Promise<void> {
  await login.locator('input[name=login]').fill(user);
  await login.locator('input[name=password]').fill('any password');
  await login.locator('button[type=submit]').click();
  const continueButton = login.getByRole('button', { name: 'Continue' });
  await continueButton.waitFor();
  if (consent === 'cancel') await login.getByRole('link', { name: '[ Cancel ]' }).click();
  else await continueButton.click();
}
