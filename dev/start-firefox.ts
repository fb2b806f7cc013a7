import { existsSync } from 'node:fs';
import { hasDisplay, startDemo } from './demo.ts';
import {
  DIST_FIREFOX,
  FIREFOX,
  FIREFOX_INSTALL_HINT,
  firefoxPageUrl,
  firefoxRedirectUrl,
  launchFirefox,
} from './firefox.ts';
import { until } from './pages.ts';

/**
 * `npm run start:firefox`: the Firefox build in Firefox ESR, talking to the same local demo provider as
 * `npm start`, with the popup's fields filled in. Firefox's redirect URL follows from the add-on id, so
 * the demo client is registered for it before any browser starts.
 */
const { idp, records } = await startDemo(firefoxRedirectUrl());

if (hasDisplay && existsSync(FIREFOX)) {
  // Firefox takes a minute or more to start under automation: say what is happening meanwhile.
  const started = Date.now();
  const say = (what: string) => console.log(`[${Math.round((Date.now() - started) / 1000)} s] ${what}`);
  say('Starting Firefox ESR with the add-on (this takes a minute or more)…');
  const waiting = setInterval(() => say('Still starting Firefox…'), 15_000);
  const { browser } = await launchFirefox({ headless: false }).finally(() => clearInterval(waiting));
  say('Firefox is up; opening the popup in a tab…');
  const page = await browser.newPage();
  const popup = firefoxPageUrl('src/popup/index.html');
  void page.goto(popup).catch(() => undefined);
  await until(async () => (await page.evaluate(() => location.href).catch(() => '')) === popup, 'the popup');
  await page.evaluate(async ({ local, session }) => {
    await chrome.storage.local.set(local);
    await chrome.storage.session.set(session);
    location.reload();
  }, records);
  console.log('Firefox is open with the add-on loaded and the popup filled in (in a tab): press Authorize.');
  console.log('Close Firefox or press Ctrl+C to stop.');
  browser.on('disconnected', () => void idp.close().then(() => process.exit(0)));
} else {
  console.log(`${hasDisplay ? `${FIREFOX_INSTALL_HINT}\n` : 'No display was found, so no browser window can open here. '}The provider keeps running.
To try it in Firefox (140 or later) on a machine with a display:
  1. Open about:debugging, choose "This Firefox", press "Load Temporary Add-on…" and pick
     ${DIST_FIREFOX}/manifest.json
  2. Open the extension's popup and type the values above (the Redirect URI is already this one).
Press Ctrl+C to stop.`);
}
