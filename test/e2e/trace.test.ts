import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { findBrowser } from '../../dev/browser.ts';
import { logIn, pasted } from '../../dev/pages.ts';
import { confidentialClient } from '../../dev/provider.ts';
import { flowFixture } from '../support/flow-fixture.ts';

/** Support staff's view: a HAR of somebody else's login, read by the Trace page. */
const app = createServer((_req, res) =>
  res.writeHead(200, { 'content-type': 'text/html' }).end('<title>App</title>'),
);
await new Promise<void>((r) => app.listen(0, '127.0.0.1', r));
const APP_CALLBACK = `http://127.0.0.1:${(app.address() as AddressInfo).port}/callback`;
afterAll(() => new Promise<void>((r) => app.close(() => r())));

const f = flowFixture(() => [confidentialClient('har-app', 'har-secret-0123456789abcdef', [APP_CALLBACK])]);

/** A real login by a server-side app, recorded with playwright-core's recordHar in a plain browser. */
async function recordLogin(state: string): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), 'aci-har-')), 'login.har');
  const browser = await chromium.launch({
    executablePath: findBrowser()!,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-quic',
    ],
  });
  const context = await browser.newContext({ recordHar: { path } });
  const page = await context.newPage();
  const authorize = new URL(`${f.idp.issuer}/oauth2/authorize`);
  for (const [k, v] of Object.entries({
    client_id: 'har-app',
    response_type: 'code',
    redirect_uri: APP_CALLBACK,
    scope: 'openid',
    state,
    nonce: 'n-har',
    code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    code_challenge_method: 'S256',
  }))
    authorize.searchParams.set(k, v);
  await page.goto(authorize.toString());
  await logIn(page);
  await page.waitForURL((u) => u.toString().startsWith(APP_CALLBACK));
  await context.close();
  await browser.close();
  return path;
}

describe('the Trace page', () => {
  test('a recorded login of a server-side app: found, its front channel checked, the missing token call explained', async () => {
    const har = await recordLogin('state-recorded-1');
    const page = await f.ext.context.newPage();
    await page.goto(`chrome-extension://${f.ext.extensionId}/src/trace/index.html`);
    await page.getByLabel('HAR file').setInputFiles(har);
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('1 login attempt found.');
    const heading = `Login of har-app at ${f.idp.issuer}`;
    await expect(page.getByRole('heading', { name: heading }).count()).resolves.toBe(1);
    const checks = page.getByRole('table', { name: 'Trace checks' });
    for (const title of ['State echoed in the callback', 'Callback names the issuer (iss)', 'PKCE S256 used'])
      expect(await checks.getByRole('row', { name: title }).textContent()).toMatch(/pass/);
    await expect(page.getByText(/^No token request in the HAR: a server-side app/).count()).resolves.toBe(1);

    // The code the recorded callback carried is in the HAR; the redacted copy holds it nowhere, and still parses.
    const recorded = JSON.parse(readFileSync(har, 'utf8')) as {
      log: { entries: { request: { url: string } }[] };
    };
    const callback = recorded.log.entries
      .map((e) => new URL(e.request.url))
      .find((u) => u.searchParams.has('code'));
    const code = callback!.searchParams.get('code')!;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download redacted HAR' }).click(),
    ]);
    const redacted = readFileSync(await download.path(), 'utf8');
    expect(readFileSync(har, 'utf8')).toContain(code);
    expect(redacted).not.toContain(code);
    expect((JSON.parse(redacted) as { log: { entries: unknown[] } }).log.entries).toHaveLength(
      recorded.log.entries.length,
    );

    await page.getByRole('button', { name: 'Copy report' }).click();
    const report = await pasted(f.ext.context);
    expect(report).toContain('## Login 1: `har-app` at `' + f.idp.issuer + '`');
    expect(report).toMatch(/\| pass \| State echoed in the callback \|/);
    expect(report).not.toContain(code);
    await page.close();
  });

  // Real DevTools cannot be driven headless here: the panel page runs in a tab, with chrome.devtools.network
  // defined from a recorded HAR by an init script, as DevTools would hand it the inspected tab's log.
  test('the DevTools panel shows the inspected tab’s logins, live from chrome.devtools.network', async () => {
    const har = readFileSync(await recordLogin('state-recorded-2'), 'utf8');
    const page = await f.ext.context.newPage();
    await page.addInitScript(`(() => {
      const log = (${har}).log;
      const request = (e) => ({ ...e, getContent: (done) => done(e.response.content?.text ?? '', e.response.content?.encoding ?? '') });
      chrome.devtools = {
        network: {
          getHAR: (done) => done({ entries: log.entries.map(request) }),
          onRequestFinished: { addListener() {}, removeListener() {} },
        },
        panels: { create() {} },
      };
    })()`);
    await page.goto(`chrome-extension://${f.ext.extensionId}/src/trace/panel.html`);
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('1 login attempt found.');
    await expect(
      page.getByRole('heading', { name: `Login of har-app at ${f.idp.issuer}` }).count(),
    ).resolves.toBe(1);
    await expect(page.getByRole('button', { name: 'Download redacted HAR' }).count()).resolves.toBe(1);
    await page.close();
  });

  test('a file that is not a HAR gets a clear message', async () => {
    const page = await f.ext.context.newPage();
    await page.goto(`chrome-extension://${f.ext.extensionId}/src/trace/index.html`);
    await page
      .getByLabel('HAR file')
      .setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"a":1}') });
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toMatch(/^notes\.json: This is not a HAR file/);
    await page.close();
  });

  test('a HAR dropped on the page is read like one chosen', async () => {
    const page = await f.ext.context.newPage();
    await page.goto(`chrome-extension://${f.ext.extensionId}/src/trace/index.html`);
    const dropped = await page.evaluateHandle(() => {
      const data = new DataTransfer();
      data.items.add(new File(['{"log":{"entries":[]}}'], 'empty.har', { type: 'application/json' }));
      return data;
    });
    await page.locator('main').dispatchEvent('drop', { dataTransfer: dropped });
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toBe('No OAuth or OpenID Connect login in this HAR. Hosts seen: none.');
    await page.close();
  });
});
