import { defaultProfile } from '../src/core/profile/profile.ts';
import { addProfile, defaultBook } from '../src/core/profile/profile-book.ts';
import { PROFILES_KEY, secretKey } from '../src/core/view/stored-records.ts';
import { DIST, findBrowser, INSTALL_HINT, launchWithExtension, redirectUrlFor } from './browser.ts';
import { confidentialClient, startProvider } from './provider.ts';

/**
 * `npm start`: the built extension in Chromium, talking to a local oidc-provider whose client is
 * registered for the extension's own redirect URL, with the popup's fields already filled in.
 */
const PORT = Number(process.env.DEMO_PORT ?? 4010);
const CLIENT_ID = 'demo-app';
const SECRET = 'demo secret: with+reserved&chars%';

const hasDisplay = process.platform !== 'linux' || !!process.env.DISPLAY || !!process.env.WAYLAND_DISPLAY;
if (!findBrowser()) {
  console.error(INSTALL_HINT);
  process.exit(1);
}

// Without a display the browser runs headless just to learn the extension's id (it follows dist/'s path).
const ext = await launchWithExtension({ headless: !hasDisplay });
const redirectUri = redirectUrlFor(ext.extensionId);
const idp = await startProvider({
  port: PORT,
  clients: [confidentialClient(CLIENT_ID, SECRET, [redirectUri])],
});

// The first-run "BTG Id" profile, plus a "Local demo" one for this provider, selected.
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
const book = addProfile(defaultBook(redirectUri), demo);
await ext.worker.evaluate(
  async ([book, secret, booksKey, secretsKey]) => {
    await chrome.storage.local.set({ [booksKey]: book });
    await chrome.storage.session.set({ [secretsKey]: secret });
  },
  [book, SECRET, PROFILES_KEY, secretKey(demo.id)] as const,
);

console.log(`
Local demo provider (oidc-provider; any username and password log in)
  Issuer         ${idp.issuer}
  Client ID      ${CLIENT_ID}
  Client secret  ${SECRET}
  Redirect URI   ${redirectUri}
`);

if (hasDisplay) {
  const popup = await ext.context.newPage();
  await popup.goto(`chrome-extension://${ext.extensionId}/src/popup/index.html`);
  console.log('Chromium is open with the extension loaded and the popup filled in: press Authorize.');
  console.log('Close the browser or press Ctrl+C to stop.');
  ext.context.on('close', () => void idp.close().then(() => process.exit(0)));
} else {
  await ext.context.close();
  console.log(`No display was found, so no browser window can open here. The provider keeps running.
To try it in Chrome or Chromium on a machine with a display:
  1. Open chrome://extensions, switch on Developer mode, press "Load unpacked" and pick
     ${DIST}
     (the same folder gives the same extension id, ${ext.extensionId}, which the demo client expects).
  2. Open the extension's popup and type the values above.
Press Ctrl+C to stop.`);
}
process.on('SIGINT', () => void idp.close().then(() => process.exit(0)));
