import type { ClientMetadata } from 'oidc-provider';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll } from 'vitest';
import {
  firefoxPageUrl,
  firefoxRedirectUrl,
  launchFirefox,
  type LaunchedFirefox,
} from '../../dev/firefox.ts';
import { until } from '../../dev/pages.ts';
import { PROFILES_KEY } from '../../src/core/view/stored-records.ts';
import { startProvider, type RunningProvider, type Tamper } from '../../dev/provider.ts';
import { puppeteerUi, type Ui } from '../../dev/ui.ts';

/** Firefox ESR with the built add-on, and one provider registered for its redirect URL, for a test file. */
export interface FirefoxFixture {
  ff: LaunchedFirefox;
  idp: RunningProvider;
  tamper: Tamper | undefined;
}

export function firefoxFixture(
  clients: (redirectUri: string) => ClientMetadata[],
  options: { lang?: string; dpop?: boolean } = {},
): FirefoxFixture {
  const f = { tamper: undefined } as unknown as FirefoxFixture;
  beforeAll(async () => {
    f.ff = await launchFirefox(options.lang ? { lang: options.lang } : {});
    f.idp = await startProvider({
      clients: clients(firefoxRedirectUrl()),
      tamper: () => f.tamper,
      ...(options.dpop ? { dpop: true } : {}),
    });
  });
  afterAll(async () => {
    await f.ff?.browser.close();
    await f.idp?.close();
  });
  return f;
}

const href = (page: Page) => page.evaluate(() => location.href).catch(() => '');

/**
 * Opens one of the extension's pages in a new tab. Over BiDi a `moz-extension:` navigation never
 * reports its end (see platform-notes), so the page's own `location` is polled instead.
 */
export async function openExtensionPage(f: FirefoxFixture, path: string): Promise<{ page: Page; ui: Ui }> {
  const page = await f.ff.browser.newPage();
  const url = firefoxPageUrl(path);
  void page.goto(url).catch(() => undefined);
  await until(async () => (await href(page)) === url, `${path} to load`);
  // Polled from here: `waitForFunction` builds its check with `Function()`, which Firefox 140.12 refuses
  // under an extension page's CSP.
  await until(
    () => page.evaluate(() => document.readyState === 'complete').catch(() => false),
    `${path} to finish loading`,
  );
  return { page, ui: puppeteerUi(page) };
}

/**
 * The toolbar popup's page in a tab, from the first-run profile a new user sees (profiles persist
 * between popups, so each test starts from the default fields).
 */
export async function openFreshPopup(f: FirefoxFixture): Promise<{ page: Page; ui: Ui }> {
  const first = await openExtensionPage(f, 'src/popup/index.html');
  await first.page.evaluate((key) => chrome.storage.local.remove(key), PROFILES_KEY);
  await first.page.close();
  return openExtensionPage(f, 'src/popup/index.html');
}

/** The first open page whose location satisfies `match` (the login window, the inspector tab). */
export async function firefoxPage(
  f: FirefoxFixture,
  match: (url: string) => boolean,
): Promise<{ page: Page; ui: Ui }> {
  let found: Page | undefined;
  let seen: string[] = [];
  await until(async () => {
    seen = [];
    for (const page of await f.ff.browser.pages()) {
      const url = await href(page);
      seen.push(url);
      if (match(url)) return !!(found = page);
    }
    return false;
  }, 'a page to open').catch((e: Error) => {
    throw new Error(`${e.message}; open pages: ${seen.join(', ')}`);
  });
  return { page: found!, ui: puppeteerUi(found!) };
}
