import { DIST, findBrowser, INSTALL_HINT, launchWithExtension, redirectUrlFor } from './browser.ts';
import { hasDisplay, startDemo } from './demo.ts';

/**
 * `npm start`: the built extension in Chromium, talking to a local oidc-provider whose client is
 * registered for the extension's own redirect URL, with the popup's fields already filled in.
 */
if (!findBrowser()) {
  console.error(INSTALL_HINT);
  process.exit(1);
}

// Without a display the browser runs headless just to learn the extension's id (it follows dist/'s path).
const ext = await launchWithExtension({ headless: !hasDisplay });
const { idp, records } = await startDemo(redirectUrlFor(ext.extensionId));
await ext.worker.evaluate(async ({ local, session }) => {
  await chrome.storage.local.set(local);
  await chrome.storage.session.set(session);
}, records);

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
