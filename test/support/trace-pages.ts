import type { Page } from 'playwright-core';
import { afterAll, expect } from 'vitest';
import { logIn } from '../../dev/pages.ts';
import { flowFixture } from './flow-fixture.ts';
import { closeRecorder, recordHar, startHarApps, type SpaVariant } from './har-apps.ts';
import { readHar, type HarEntry } from '../../src/trace/analysis/har.ts';

export const entriesOf = (text: string) => (readHar(text) as { entries: HarEntry[] }).entries;

/**
 * Support staff's view: HARs of somebody else's logins, recorded from real logins, read by the Trace
 * page and the DevTools panel. One per test file: the demo apps, the recorder, the extension's browser.
 */
export async function traceFixture() {
  const apps = await startHarApps();
  afterAll(() => Promise.all([apps.close(), closeRecorder()]));
  const f = flowFixture(() => apps.clients('har-secret-0123456789abcdef'));

  /** A server-side app's login (it would redeem the code on its server), recorded in a plain browser. */
  const recordLogin = (state: string, consent: 'continue' | 'cancel' = 'continue') =>
    recordHar(async (page) => {
      const authorize = new URL(`${f.idp.issuer}/oauth2/authorize`);
      for (const [k, v] of Object.entries({
        client_id: 'har-app',
        response_type: 'code',
        redirect_uri: apps.serverCallback,
        scope: 'openid',
        state,
        nonce: 'n-har',
        code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
        code_challenge_method: 'S256',
      }))
        authorize.searchParams.set(k, v);
      await page.goto(authorize.toString());
      await logIn(page, consent);
      await page.waitForURL((u) => u.toString().startsWith(apps.serverCallback));
    });

  /** The browser app's login: PKCE, the code redeemed by the page's own fetch. */
  const recordSpa = (variant: SpaVariant) =>
    recordHar(async (page) => {
      await page.goto(apps.spaStart(f.idp.issuer, variant));
      await logIn(page);
      await page.waitForFunction("document.title === 'done'");
    });

  /** The Trace page with `har` loaded, once it says how many logins it found. */
  async function traceOf(har: string) {
    const page = await f.ext.context.newPage();
    await page.goto(`chrome-extension://${f.ext.extensionId}/src/trace/index.html`);
    await page.getByLabel('HAR file').setInputFiles(har);
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toMatch(/login attempts? found\.$/);
    return page;
  }

  /**
   * `chrome.devtools` for the panel page opened in a tab (an init script): `getHAR` answers the entries
   * `initial` evaluates to, and `window.__finish(entry)` finishes one more, as DevTools reports them.
   */
  const devtoolsStub = (initial: string) => `(() => {
    const request = (e) => ({ ...e, getContent: (done) => done(e.response.content?.text ?? '', e.response.content?.encoding ?? '') });
    const listeners = [];
    window.__finish = (e) => { for (const l of listeners) l(request(e)); };
    chrome.devtools = {
      network: {
        getHAR: (done) => done({ entries: (${initial}).map(request) }),
        onRequestFinished: { addListener(l) { listeners.push(l); }, removeListener() {} },
      },
      panels: { create() {} },
    };
  })()`;

  /** The plain-words diagnoses the page shows for its login attempts. */
  const diagnoses = (page: Page) => page.locator('section .status-failed').allTextContents();

  const checkRow = (page: Page, title: string) =>
    page.getByRole('table', { name: 'Trace checks' }).getByRole('row', { name: title }).textContent();

  return { apps, f, recordLogin, recordSpa, traceOf, devtoolsStub, diagnoses, checkRow };
}
