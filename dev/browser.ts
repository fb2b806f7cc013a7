import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

export const DIST = resolve(import.meta.dirname, '..', 'dist');

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome-for-testing'];

/** CHROME_PATH, else Chromium where found (branded Chrome 137+ ignores --load-extension). */
export function findBrowser(): string | undefined {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) return fromEnv;
  return CANDIDATES.find((p) => existsSync(p));
}

export const INSTALL_HINT =
  'Chromium is missing: install it with `sudo apt-get install -y chromium` (Debian/Ubuntu) or set CHROME_PATH to a Chromium binary.';

export interface LaunchedExtension {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  profileDir: string;
}

/**
 * Starts the browser with `dist/` loaded as an unpacked extension. The id follows the folder, so it
 * is read from the service worker's URL rather than fixed with a manifest `key`.
 */
export async function launchWithExtension(options: {
  headless: boolean;
  profileDir?: string;
  /** The browser's language, e.g. `pt-BR`: `chrome.i18n` then answers from `_locales/pt_BR`. */
  lang?: string;
  /** Another unpacked extension loaded beside it (the bench's reference extension). */
  beside?: string;
}): Promise<LaunchedExtension> {
  const executablePath = findBrowser();
  if (!executablePath) throw new Error(INSTALL_HINT);
  if (!existsSync(join(DIST, 'manifest.json')))
    throw new Error('dist/ is not built: run `npm run build` first.');
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'aci-profile-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath,
    headless: options.headless,
    viewport: null,
    args: [
      `--disable-extensions-except=${[DIST, options.beside].filter(Boolean).join(',')}`,
      `--load-extension=${[DIST, options.beside].filter(Boolean).join(',')}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      ...(options.lang ? [`--lang=${options.lang}`] : []),
    ],
  });
  // The product's worker is the one not named background.js (the reference extension's).
  const ours = (w: Worker) => !w.url().endsWith('/background.js');
  const worker =
    context.serviceWorkers().find(ours) ??
    (await context.waitForEvent('serviceworker', { predicate: ours, timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  return { context, worker, extensionId, profileDir };
}

export const redirectUrlFor = (extensionId: string): string => `https://${extensionId}.chromiumapp.org/`;
