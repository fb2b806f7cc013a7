import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { GECKO_ID } from './manifest.ts';

export const DIST_FIREFOX = resolve(import.meta.dirname, '..', 'dist-firefox');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_INSTALL_HINT =
  'Firefox ESR is missing: install it with `sudo apt-get install -y firefox-esr firefox-esr-l10n-pt-br` (Debian/Ubuntu) or set FIREFOX_PATH.';

/**
 * The extension's internal UUID, fixed by a preference so tests can open its pages
 * (`moz-extension://<uuid>/…`); an installed add-on gets a random one.
 */
export const FIREFOX_UUID = '5f1d2c3b-8a4e-4b6f-9c7d-0e1f2a3b4c5d';

/** What Firefox's `identity.getRedirectURL()` answers for the add-on id: derived, not configurable. */
export const firefoxRedirectUrl = (): string =>
  `https://${createHash('sha1').update(GECKO_ID).digest('hex')}.extensions.allizom.org/`;

export const firefoxPageUrl = (path: string): string =>
  `moz-extension://${FIREFOX_UUID}/${path.replace(/^\//, '')}`;

export interface LaunchedFirefox {
  browser: Browser;
  profileDir: string;
}

/**
 * Firefox ESR with `dist-firefox/` installed as a temporary add-on, driven over WebDriver BiDi
 * (no geckodriver is needed). `lang` (e.g. `pt-BR`) asks for that locale (Debian's
 * firefox-esr-l10n-pt-br package provides it).
 */
export async function launchFirefox(
  options: { lang?: string; headless?: boolean } = {},
): Promise<LaunchedFirefox> {
  if (!existsSync(FIREFOX)) throw new Error(FIREFOX_INSTALL_HINT);
  if (!existsSync(join(DIST_FIREFOX, 'manifest.json')))
    throw new Error('dist-firefox/ is not built: run `npm run build:firefox` first.');
  const profileDir = mkdtempSync(join(tmpdir(), 'aci-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: options.headless ?? true,
    // A window a person uses: its pages fill it (puppeteer's default 800×600 viewport leaves the rest unpainted).
    ...(options.headless === false ? { defaultViewport: null } : {}),
    userDataDir: profileDir,
    // Lets the test open moz-extension:// pages in a tab.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      'extensions.webextOptionalPermissionPrompts': false,
      ...(options.lang
        ? { 'intl.locale.requested': options.lang, 'intl.accept_languages': options.lang }
        : {}),
    },
  });
  await browser.installExtension(DIST_FIREFOX);
  return { browser, profileDir };
}
