import { resolve } from 'node:path';
import type { ElementHandle } from 'puppeteer-core';
import { describe, expect, test } from 'vitest';
import { firefoxRedirectUrl } from '../../dev/firefox.ts';
import { fillPopup, logInAt } from '../../dev/pages.ts';
import { confidentialClient } from '../../dev/provider.ts';
import type { Ui } from '../../dev/ui.ts';
import {
  firefoxFixture,
  firefoxPage,
  openExtensionPage,
  openFreshPopup,
} from '../support/firefox-fixture.ts';

const SECRET = 'firefox-secret-0123456789abcdef0123';
const f = firefoxFixture((redirect) => [confidentialClient('ff-app', SECRET, [redirect])]);
const isInspector = (url: string) => url.includes('/src/inspector/index.html#run=');
const status = async (ui: Ui) => (await ui.texts('status'))[0] ?? '';

const storedRuns = (ui: Ui) =>
  ui.evaluate(
    async () =>
      Object.keys(await chrome.storage.session.get(null)).filter((k) => k.startsWith('run:')).length,
  );

/** What a person gets by pasting: Ctrl+V into a text area of a scratch page. */
async function pasted(): Promise<string> {
  const pad = await f.ff.browser.newPage();
  await pad.setContent('<textarea aria-label="Scratch pad"></textarea>');
  await pad.focus('textarea');
  await pad.keyboard.down('Control');
  await pad.keyboard.press('v');
  await pad.keyboard.up('Control');
  const text = await pad.$eval('textarea', (e) => e.value);
  await pad.close();
  return text;
}

/** The popup in a tab, filled by its labels. */
async function popupFor(secret = SECRET) {
  const opened = await openFreshPopup(f);
  await fillPopup(opened.ui, { issuer: f.idp.issuer, clientId: 'ff-app', secret, scopes: 'openid profile' });
  return opened;
}

/** Authorize from a filled popup, log in, and answer the new run's inspector once it has a verdict. */
async function loggedIn(secret = SECRET): Promise<Ui> {
  const { ui: popup, page } = await popupFor(secret);
  for (const old of await f.ff.browser.pages())
    if (isInspector(await old.evaluate(() => location.href).catch(() => ''))) await old.close();
  await popup.click('button', 'Authorize');
  const { ui: login } = await firefoxPage(f, (u) => u.startsWith(`${f.idp.issuer}/interaction/`));
  await logInAt(login);
  const { ui: inspector } = await firefoxPage(f, isInspector);
  await expect.poll(() => status(inspector)).toMatch(/^(Tokens received|Failed)/);
  await page.close();
  return inspector;
}

describe('Firefox ESR: the same extension, from the same sources', () => {
  test('happy path: the popup shows Firefox’s redirect URI; Authorize, log in, all checks passed', async () => {
    const { ui: popup, page } = await openFreshPopup(f);
    await expect(popup.value('Redirect URI')).resolves.toBe(firefoxRedirectUrl());
    // The help names the loopback spelling Firefox accepts too.
    const hash = new URL(firefoxRedirectUrl()).hostname.split('.')[0];
    await expect(page.evaluate(() => document.body.textContent)).resolves.toContain(
      `http://127.0.0.1/mozoauth2/${hash}`,
    );
    const before = await storedRuns(popup);
    await page.close();
    // Firefox asks for the authorize URL once more in a hidden request: the provider sees two.
    let authorizeRequests = 0;
    const tokenOrigins: string[] = [];
    f.tamper = (ctx) => {
      if (ctx.oidc?.route === 'authorization') authorizeRequests++;
      if (ctx.oidc?.route === 'token') tokenOrigins.push(ctx.get('origin'));
    };
    let inspector: Ui;
    try {
      inspector = await loggedIn();
    } finally {
      f.tamper = undefined;
    }
    expect(authorizeRequests).toBe(2);
    // The token request reached the provider as a server-side client's does: no browser Origin.
    expect(tokenOrigins).toEqual(['']);
    // Neither the checks nor the history count it: one run, one authorize step, every check passed.
    expect(await status(inspector)).toMatch(/^Tokens received · All \d+ checks passed/);
    await expect(inspector.texts('alert')).resolves.toEqual([]);
    await expect(inspector.texts('table', 'Authorize request parameters')).resolves.toHaveLength(1);
    await expect(storedRuns(inspector)).resolves.toBe(before + 1);
    // Each action names the host it sends to beside its button (its description), the name unchanged.
    const described = await inspector.evaluate(() => {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Call UserInfo');
      return (button?.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent?.trim())
        .join(' ');
    });
    expect(described).toBe(`(to ${f.idp.issuer})`);
  });

  test('a provider refusal: the token endpoint’s 401 in plain words, what came before kept', async () => {
    const inspector = await loggedIn('not-the-secret-0123456789abcdef');
    await expect
      .poll(async () => (await inspector.texts('alert')).join(' '))
      .toMatch(/^The token endpoint answered HTTP 401: invalid_client/);
    expect(await status(inspector)).toMatch(/^Failed/);
    // The authorize request and the callback stay visible.
    await expect(inspector.texts('table', 'Authorize request parameters')).resolves.toHaveLength(1);
  });

  test('the user closes the login window: Firefox’s words are read as a cancellation', async () => {
    const { ui: popup, page } = await popupFor();
    await popup.click('button', 'Authorize');
    const { page: login } = await firefoxPage(f, (u) => u.startsWith(`${f.idp.issuer}/interaction/`));
    await login.close();
    const { ui: inspector } = await firefoxPage(f, isInspector);
    await expect
      .poll(async () => (await inspector.texts('alert')).join(' '))
      .toMatch(/login window was closed/);
    await expect.poll(async () => (await popup.texts('alert')).join(' ')).toMatch(/login window was closed/);
    await page.close();
  });

  test('Refresh tokens, then Copy report: the new tokens checked against the first; the report pasted without secrets; the run in the history', async () => {
    const inspector = await loggedIn();
    expect(await status(inspector)).toMatch(/^Tokens received/);
    await inspector.click('button', 'Refresh tokens');
    await expect.poll(async () => (await inspector.texts('heading', 'Refresh')).length).toBe(1);
    await expect
      .poll(async () => (await inspector.texts('table', 'Refresh checks')).join(' '))
      .toContain('New ID token has the same subject (sub)');
    expect((await inspector.texts('table', 'Refresh checks')).join(' ')).not.toMatch(/✗ fail/);
    await expect(inspector.texts('table', 'Fields that changed')).resolves.toHaveLength(1);
    await expect(inspector.texts('alert')).resolves.toEqual([]);
    // Then a support person's report of the same run.
    await inspector.click('button', 'Copy report');
    await expect
      .poll(async () => [
        ...(await inspector.texts('button', 'Copy report')),
        ...(await inspector.texts('alert')),
      ])
      .toEqual(['Copied']);
    const report = await pasted();
    expect(report).toMatch(/^# Auth Code Inspector report/);
    expect(report).toContain('Firefox ');
    expect(report).not.toContain(SECRET);
    const history = await inspector.texts('complementary', 'History');
    expect(history.join(' ')).toContain(f.idp.issuer.replace('http://', ''));
  });

  test('an app’s own redirect URI: the popup says Firefox cannot use it and what to register; no window opens', async () => {
    const { ui: popup, page } = await popupFor();
    await popup.fill('Redirect URI', 'http://localhost:3000/callback');
    const said = new RegExp(
      `^Firefox ends a login only at the extension’s own redirect URI, so it cannot use http://localhost:3000/callback\\. Register ${firefoxRedirectUrl().replace(/[.]/g, '\\.')} with the provider`,
    );
    await expect.poll(async () => (await popup.texts('alert')).join(' ')).toMatch(said);
    const pagesBefore = (await f.ff.browser.pages()).length;
    await popup.click('button', 'Authorize');
    await expect.poll(async () => (await popup.texts('alert')).length).toBe(2);
    expect((await f.ff.browser.pages()).length).toBe(pagesBefore);
    await page.close();
  });

  test('the Trace page reads a HAR exported by Firefox', async () => {
    const { ui: trace, page } = await openExtensionPage(f, 'src/trace/index.html');
    const input = (await page.evaluateHandle(() => {
      const label = [...document.querySelectorAll('label')].find((l) => l.textContent?.trim() === 'HAR file');
      return label?.control ?? null;
    })) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(resolve(import.meta.dirname, '../fixtures/firefox-export.har'));
    await expect.poll(() => status(trace)).toMatch(/^1 login attempt found\.$/);
    await expect(trace.texts('table', 'Trace checks')).resolves.toHaveLength(1);
    await page.close();
  });
});
