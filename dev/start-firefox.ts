import { defaultProfile } from '../src/core/profile/profile.ts';
import { addProfile, defaultBook } from '../src/core/profile/profile-book.ts';
import { PROFILES_KEY, secretKey } from '../src/core/view/stored-records.ts';
import {
  DIST_FIREFOX,
  FIREFOX,
  FIREFOX_INSTALL_HINT,
  firefoxPageUrl,
  firefoxRedirectUrl,
  launchFirefox,
} from './firefox.ts';
import { existsSync } from 'node:fs';
import { until } from './pages.ts';
import { confidentialClient, startProvider } from './provider.ts';

/**
 * `npm run start:firefox`: the Firefox build in Firefox ESR, talking to the same local demo provider as
 * `npm start`, with the popup's fields filled in. Firefox's redirect URL follows from the add-on id, so
 * the demo client is registered for it before any browser starts.
 */
const PORT = Number(process.env.DEMO_PORT ?? 4010);
const CLIENT_ID = 'demo-app';
const SECRET = 'demo secret: with+reserved&chars%';

const hasDisplay = !!process.env.DISPLAY || !!process.env.WAYLAND_DISPLAY;
const redirectUri = firefoxRedirectUrl();
const idp = await startProvider({
  port: PORT,
  clients: [confidentialClient(CLIENT_ID, SECRET, [redirectUri])],
});
const demo = {
  ...defaultProfile(redirectUri),
  id: 'local-demo',
  name: 'Local demo',
  rememberSecret: false,
  issuer: idp.issuer,
  clientId: CLIENT_ID,
  scopes: 'openid profile email',
  endpoints: {
    authorization: `${idp.issuer}/oauth2/authorize`,
    token: `${idp.issuer}/oauth2/token`,
    jwks: `${idp.issuer}/jwks`,
  },
};

console.log(`
Local demo provider (oidc-provider; any username and password log in)
  Issuer         ${idp.issuer}
  Client ID      ${CLIENT_ID}
  Client secret  ${SECRET}
  Redirect URI   ${redirectUri}
`);

if (hasDisplay && existsSync(FIREFOX)) {
  const { browser } = await launchFirefox({ headless: false });
  const page = await browser.newPage();
  const popup = firefoxPageUrl('src/popup/index.html');
  void page.goto(popup).catch(() => undefined);
  await until(async () => (await page.evaluate(() => location.href).catch(() => '')) === popup, 'the popup');
  await page.evaluate(
    async (book, secret, booksKey, secretsKey) => {
      await chrome.storage.local.set({ [booksKey]: book });
      await chrome.storage.session.set({ [secretsKey]: secret });
      location.reload();
    },
    addProfile(defaultBook(redirectUri), demo),
    SECRET,
    PROFILES_KEY,
    secretKey(demo.id),
  );
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
process.on('SIGINT', () => void idp.close().then(() => process.exit(0)));
