import type { BrowserContext, Page } from 'playwright-core';
import { PROFILES_KEY } from '../src/core/view/stored-records.ts';

/** Polls `check` until it holds; throws naming `what` after `timeoutMs`. Usable outside vitest (the bench). */
export async function until(
  check: () => Promise<boolean> | boolean,
  what: string,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The first page whose URL satisfies `match`, waiting for it to appear (new tabs and windows alike). */
export async function waitForPage(
  context: BrowserContext,
  match: (url: string) => boolean,
  timeoutMs = 15_000,
): Promise<Page> {
  let page: Page | undefined;
  await until(() => !!(page = context.pages().find((p) => match(p.url()))), 'a page to open', timeoutMs);
  return page!;
}

export interface FormValues {
  issuer: string;
  clientId: string;
  secret: string;
  scopes?: string;
}

/** The popup's labels in each language the tests and screenshots use. */
export const POPUP_LABELS = {
  en: { issuer: 'Issuer', scopes: 'Scopes', token: 'Token endpoint', authorize: 'Authorize' },
  'pt-BR': {
    issuer: 'Issuer',
    scopes: 'Escopos',
    token: 'Endpoint de token',
    authorize: 'Autorizar',
  },
} as const;

/** Opens the toolbar popup's page in a tab, from the default fields, and fills it the way a person would, by label. */
export async function openPopup(
  context: BrowserContext,
  extensionId: string,
  values: FormValues,
  lang: keyof typeof POPUP_LABELS = 'en',
): Promise<Page> {
  const labels = POPUP_LABELS[lang];
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/src/popup/index.html`);
  // Profiles persist between popups; each test starts from the first-run profile a new user sees.
  await popup.evaluate((key) => chrome.storage.local.remove(key), PROFILES_KEY);
  await popup.reload();
  const issuer = popup.getByLabel(labels.issuer, { exact: true });
  await issuer.fill(values.issuer);
  await issuer.press('Tab'); // commits the value: discovery fills the Endpoints
  await popup.getByLabel('Client ID', { exact: true }).fill(values.clientId);
  await popup.getByLabel('Client secret', { exact: true }).fill(values.secret);
  if (values.scopes !== undefined) await popup.getByLabel(labels.scopes, { exact: true }).fill(values.scopes);
  const token = popup.getByLabel(labels.token);
  await until(
    async () => (await token.inputValue()) === `${values.issuer}/oauth2/token`,
    'discovery to fill the endpoints',
  );
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

/** What a person gets by pasting: Ctrl+V into a scratch text area (headless Chromium keeps its own clipboard). */
export async function pasted(context: BrowserContext): Promise<string> {
  const pad = await context.newPage();
  await pad.setContent('<textarea aria-label="Scratch pad"></textarea>');
  const area = pad.getByLabel('Scratch pad');
  await area.focus();
  await pad.keyboard.press('Control+V');
  const text = await area.inputValue();
  await pad.close();
  return text;
}
