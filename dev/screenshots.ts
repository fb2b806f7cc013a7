import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension, redirectUrlFor } from './browser.ts';
import { logIn, openPopup, POPUP_LABELS, waitForPage } from './pages.ts';
import { confidentialClient, startProvider } from './provider.ts';
import { FORGED_STATE_HAR } from './sample-har.ts';

/**
 * `npm run screenshots`: the popup, the inspector after a success and after a failure, and the Trace
 * page, in English and Portuguese, to docs/ (the README shows them). Drives the real built extension
 * against a local oidc-provider, the way the e2e tests do.
 */
const DOCS = resolve(import.meta.dirname, '..', 'docs');
const SECRET = 'screenshot-secret-0123456789abcdef';
mkdirSync(DOCS, { recursive: true });

const isInspector = (url: string) => url.includes('/src/inspector/index.html#run=');

for (const [lang, suffix] of [
  ['en-US', 'en'],
  ['pt-BR', 'pt-BR'],
] as const) {
  const labels = suffix === 'en' ? 'en' : 'pt-BR';
  const ext = await launchWithExtension({ headless: true, lang });
  const idp = await startProvider({
    clients: [confidentialClient('demo-app', SECRET, [redirectUrlFor(ext.extensionId)])],
  });
  const shot = async (page: Page, name: string) => {
    await page.screenshot({ path: resolve(DOCS, `${name}.${suffix}.png`) });
    console.log(`docs/${name}.${suffix}.png`);
  };
  const login = async (secret: string) => {
    for (const page of ext.context.pages().filter((p) => isInspector(p.url()))) await page.close();
    const popup = await openPopup(
      ext.context,
      ext.extensionId,
      { issuer: idp.issuer, clientId: 'demo-app', secret, scopes: 'openid profile email' },
      labels,
    );
    await popup.setViewportSize({ width: 420, height: 600 });
    await popup.getByRole('button', { name: POPUP_LABELS[labels].authorize }).click();
    await logIn(await waitForPage(ext.context, (u) => u.startsWith(`${idp.issuer}/interaction/`)));
    const inspector = await waitForPage(ext.context, isInspector);
    await inspector.setViewportSize({ width: 1280, height: 900 });
    await inspector.locator('.verdict.running').waitFor({ state: 'detached' });
    await inspector.waitForTimeout(300);
    return { popup, inspector };
  };

  const ok = await login(SECRET);
  await shot(ok.popup, 'popup');
  await shot(ok.inspector, 'inspector-success');
  const failed = await login('not-the-secret-0123456789');
  await shot(failed.inspector, 'inspector-failure');

  const trace = await ext.context.newPage();
  await trace.setViewportSize({ width: 1280, height: 800 });
  await trace.goto(`chrome-extension://${ext.extensionId}/src/trace/index.html`);
  await trace.locator('input[type=file]').setInputFiles({
    name: 'forged.har',
    mimeType: 'application/json',
    buffer: Buffer.from(FORGED_STATE_HAR),
  });
  await trace.waitForSelector('section h2');
  await trace.waitForTimeout(300);
  await shot(trace, 'trace');

  await ext.context.close();
  await idp.close();
}
