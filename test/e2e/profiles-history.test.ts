import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { LaunchedExtension } from '../../dev/browser.ts';
import { confidentialClient } from '../../dev/provider.ts';
import { logIn, openPopup, pasted, waitForPage } from '../../dev/pages.ts';
import { flowFixture, verdict } from '../support/flow-fixture.ts';

/** Distinctive, so a leak anywhere is found by a plain search. */
const SECRET = 'LEAKCHECK-secret-9f8e7d6c5b4a';

const f = flowFixture((redirect) => [confidentialClient('leak-app', SECRET, [redirect])], {
  profileDir: mkdtempSync(join(tmpdir(), 'aci-restart-')),
});

const isInspector = (u: string) => u.includes('/src/inspector/index.html');

async function storageAreas(e: LaunchedExtension) {
  return e.worker.evaluate(async () => ({
    local: JSON.stringify(await chrome.storage.local.get(null)),
    session: JSON.stringify(await chrome.storage.session.get(null)),
    sync: JSON.stringify(await chrome.storage.sync.get(null)),
  }));
}

/** A full login with the leak-app client, up to the moment the inspector shows "Tokens received". */
async function loggedIn(): Promise<{ popup: Page; inspector: Page }> {
  for (const page of f.ext.context.pages().filter((p) => isInspector(p.url()))) await page.close();
  const popup = await openPopup(f.ext.context, f.ext.extensionId, {
    issuer: f.idp.issuer,
    clientId: 'leak-app',
    secret: SECRET,
  });
  await popup.getByRole('button', { name: 'Authorize' }).click();
  await logIn(await waitForPage(f.ext.context, (u) => u.startsWith(`${f.idp.issuer}/interaction/`)));
  const inspector = await waitForPage(f.ext.context, (u) => u.includes('#run='));
  await expect.poll(() => verdict(inspector)).toMatch(/^Tokens received · /);
  return { popup, inspector };
}

/** A full login with the leak-app client; returns the inspector and the tokens it shows. */
async function loginRun(): Promise<{ popup: Page; inspector: Page; tokens: string[] }> {
  const { popup, inspector } = await loggedIn();
  const fields = inspector.getByRole('table', { name: 'Token response fields' });
  const tokens = await Promise.all(
    ['access_token', 'refresh_token'].map(
      async (name) =>
        (await fields
          .getByRole('row', { name: new RegExp(`^${name} `) })
          .locator('td')
          .textContent())!,
    ),
  );
  const idToken = (await fields
    .getByRole('row', { name: /^id_token / })
    .locator('td')
    .textContent())!;
  return { popup, inspector, tokens: [...tokens, idToken.split('.')[2]!] };
}

describe('secrets stay in the session, history survives a restart without them', () => {
  test('after a run, the secret and tokens are in storage.session only; the opt-in moves the secret to disk', async () => {
    const { popup, tokens } = await loginRun();
    let areas = await storageAreas(f.ext);
    for (const value of [SECRET, ...tokens]) {
      expect(areas.session).toContain(value);
      expect(areas.local).not.toContain(value);
      expect(areas.sync).not.toContain(value);
    }
    expect(areas.local).toContain('history:'); // the redacted copy is there

    await popup.getByLabel('Remember secret on this device').check();
    await expect.poll(async () => (await storageAreas(f.ext)).local).toContain(SECRET);
    areas = await storageAreas(f.ext);
    for (const token of tokens) expect(areas.local).not.toContain(token);
    await popup.getByLabel('Remember secret on this device').uncheck();
    await expect.poll(async () => (await storageAreas(f.ext)).local).not.toContain(SECRET);
    await popup.close();
  });

  test('the report and curl hold no secret; the inspector still shows the user their own tokens', async () => {
    const { inspector, tokens } = await loginRun();
    const [download] = await Promise.all([
      inspector.waitForEvent('download'),
      inspector.getByRole('button', { name: 'Download report' }).click(),
    ]);
    const report = readFileSync(await download.path(), 'utf8');
    for (const value of [SECRET, ...tokens]) expect(report).not.toContain(value);
    expect(JSON.parse(report)).toMatchObject({
      format: 'auth-code-inspector/report',
      extensionVersion: '0.1.0',
    });
    expect(await inspector.getByLabel('Raw token response body').textContent()).toContain(tokens[0]);

    await inspector.bringToFront();
    await inspector.getByRole('button', { name: 'Copy report' }).click();
    await expect
      .poll(() => inspector.getByRole('button', { name: 'Copy report' }).textContent())
      .toBe('Copied');
    const markdown = await pasted(f.ext.context);
    expect(markdown).toMatch(/^# Auth Code Inspector report\n/);
    expect(markdown).toMatch(/Tokens received|done/);
    for (const value of [SECRET, ...tokens]) expect(markdown).not.toContain(value);

    await inspector.bringToFront();
    await inspector.getByRole('button', { name: 'Copy as curl: token request' }).click();
    await expect
      .poll(() => inspector.getByRole('button', { name: 'Copy as curl: token request' }).textContent())
      .toBe('Copied');
    const curl = await pasted(f.ext.context);
    expect(curl).toContain(`&code_verifier='"\${CODE_VERIFIER}"`);
    for (const value of [SECRET, ...tokens]) expect(curl).not.toContain(value);
  });

  test('"Forget secrets and tokens" leaves none in any storage area; Clear history empties the history', async () => {
    const { popup, tokens, inspector } = await loginRun();
    await popup.getByRole('button', { name: 'Forget secrets and tokens' }).click();
    await expect.poll(() => popup.getByLabel('Client secret', { exact: true }).inputValue()).toBe('');
    await expect.poll(async () => (await storageAreas(f.ext)).session).not.toContain(SECRET);
    const areas = await storageAreas(f.ext);
    for (const value of [SECRET, ...tokens])
      for (const area of Object.values(areas)) expect(area).not.toContain(value);
    await popup.close();

    // This test's run is in the history (redacted); Clear history empties it.
    const history = inspector.getByRole('complementary', { name: 'History' });
    await history.getByRole('button', { name: 'Clear history' }).click();
    await expect.poll(() => history.getByRole('link').count()).toBe(0);
  });

  test('a browser closed the moment "Tokens received" shows keeps the run in its history, redacted', async () => {
    // The tokens as the provider issued them: the inspector is not read before the browser closes.
    const issued: string[] = [];
    f.tamper = (ctx) => {
      if (ctx.oidc?.route !== 'token') return;
      const body = ctx.body as Record<string, unknown>;
      for (const name of ['access_token', 'refresh_token']) issued.push(String(body[name]));
      issued.push(String(body.id_token).split('.')[2] ?? '');
    };
    let runId = '';
    try {
      const { inspector } = await loggedIn();
      runId = new URL(inspector.url()).hash.replace('#run=', '');
      await f.restart();
    } finally {
      f.tamper = undefined;
    }
    expect(issued).toHaveLength(3);
    const areas = await storageAreas(f.ext);
    for (const value of [SECRET, ...issued])
      for (const area of Object.values(areas)) expect(area).not.toContain(value);

    const page = await f.ext.context.newPage();
    await page.goto(`chrome-extension://${f.ext.extensionId}/src/inspector/index.html`);
    const history = page.getByRole('complementary', { name: 'History' });
    await history.locator(`a[href$="#run=${runId}"]`).waitFor();
    await page.goto(`chrome-extension://${f.ext.extensionId}/src/inspector/index.html#run=${runId}`);
    await expect.poll(() => verdict(page)).toMatch(/^Tokens received · /);
    expect(await page.getByRole('note').textContent()).toMatch(/removed when the run ended/);
    expect(await page.getByRole('table', { name: 'id_token claims' }).textContent()).toContain('leak-app');
    expect(await page.content()).not.toContain(SECRET);

    await page.getByRole('button', { name: 'Delete run' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/no longer stored/);
    await expect.poll(() => history.locator(`a[href$="#run=${runId}"]`).count()).toBe(0);
  });
});
