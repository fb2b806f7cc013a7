import type { BrowserContext, Page } from 'playwright-core';
import { PROFILES_KEY } from '../src/core/view/stored-records.ts';
import { playwrightUi, until, type Ui } from './ui.ts';

export { until };

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
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/src/popup/index.html`);
  // Profiles persist between popups; each test starts from the first-run profile a new user sees.
  await popup.evaluate((key) => chrome.storage.local.remove(key), PROFILES_KEY);
  await popup.reload();
  await fillPopup(playwrightUi(popup), values, lang);
  return popup;
}

/** Fills the popup by its labels (either browser): discovery from the issuer, then the client. */
export async function fillPopup(
  ui: Ui,
  values: FormValues,
  lang: keyof typeof POPUP_LABELS = 'en',
): Promise<void> {
  const labels = POPUP_LABELS[lang];
  await ui.fill(labels.issuer, values.issuer);
  await ui.tabFrom(labels.issuer); // commits the value: discovery fills the Endpoints
  await ui.fill('Client ID', values.clientId);
  await ui.fill('Client secret', values.secret);
  if (values.scopes !== undefined) await ui.fill(labels.scopes, values.scopes);
  await until(
    async () => (await ui.value(labels.token)) === `${values.issuer}/oauth2/token`,
    'discovery to fill the endpoints',
  );
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
  await logInAt(playwrightUi(login), consent, user);
}

/** `logIn` in either browser, by the login page's labels and buttons. */
export async function logInAt(
  login: Ui,
  consent: 'continue' | 'cancel' = 'continue',
  user = `user${++users}`,
): Promise<void> {
  await login.fill('Enter any login', user);
  await login.fill('and password', 'any password');
  await login.click('button', 'Sign-in');
  await until(async () => (await login.texts('button', 'Continue')).length > 0, 'the consent screen');
  if (consent === 'cancel') await login.click('link', '[ Cancel ]');
  else await login.click('button', 'Continue');
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
