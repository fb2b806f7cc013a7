import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { confidentialClient } from '../../dev/provider.ts';
import { authorize, flowFixture, isInspector, loginPage, verdict } from '../support/flow-fixture.ts';
import { logIn, openPopup, waitForPage } from '../../dev/pages.ts';

const SECRET = 'plain-secret-0123456789abcdef0123456789';
// Every reserved character RFC 6749 §2.3.1's form-encoding touches, and then some.
const SPECIAL_SECRET = 'p:ss%word+&= with spaces/?#[]@!$\'()*,;~"<>^`{|}\\';

const f = flowFixture((redirect) => [
  confidentialClient('inspector-app', SECRET, [redirect]),
  confidentialClient('special-app', SPECIAL_SECRET, [redirect]),
]);

describe('the Authorization Code flow in real Chromium against oidc-provider', () => {
  test('happy path: tokens and the decoded id_token reach the inspector', async () => {
    await authorize(f, 'inspector-app', SECRET);
    await logIn(await loginPage(f), 'continue', 'ana');
    const page = await waitForPage(f.ext.context, isInspector);
    await expect.poll(() => verdict(page)).toMatch(/^Tokens received/);
    await expect(page.getByRole('heading', { name: 'Token response' }).isVisible()).resolves.toBe(true);
    const claims = page.getByRole('table', { name: 'id_token claims' });
    await expect(claims.getByRole('row', { name: /^sub ana/ }).count()).resolves.toBe(1);
    await expect(claims.getByRole('row', { name: /^aud inspector-app/ }).count()).resolves.toBe(1);
    await expect(
      page.getByText(/^The access token expires .*, in (1 d 00:00:00|23:59:\d\d)\.$/).count(),
    ).resolves.toBe(1);
    await expect(
      page.getByText(/^The ID token expires .*, in (01:00:00|00:59:\d\d)\.$/).count(),
    ).resolves.toBe(1);
    const fields = page.getByRole('table', { name: 'Token response fields' });
    await expect(fields.getByRole('row', { name: /^token_type Bearer/ }).count()).resolves.toBe(1);
    await expect(page.getByRole('alert').count()).resolves.toBe(0);
  });

  test('a section navigation stays at hand; a long raw body starts collapsed', async () => {
    f.tamper = (ctx) => {
      if (ctx.oidc?.route === 'token') ctx.body = { ...(ctx.body as object), padding: 'p'.repeat(6000) };
    };
    let page: Page;
    try {
      await authorize(f, 'inspector-app', SECRET);
      await logIn(await loginPage(f));
      page = await waitForPage(f.ext.context, isInspector);
      await expect.poll(() => verdict(page)).toMatch(/^Tokens received/);
    } finally {
      f.tamper = undefined;
    }
    const nav = page.getByRole('navigation', { name: 'Sections' });
    await expect(nav.getByRole('link').allTextContents()).resolves.toEqual([
      'Sequence diagram',
      'Token response',
      'ID token',
      'Access token',
      'Actions',
      'Checks',
      'Exchange',
    ]);
    const raw = page.getByLabel('Raw token response body');
    await expect(raw.isVisible()).resolves.toBe(false);
    await page.getByText(/^Show the raw body \([\d,]+ characters\)$/).click();
    await expect(raw.isVisible()).resolves.toBe(true);
  });

  test('at the callback the inspector comes to the front, and the popup’s status follows the run', async () => {
    const popup = await authorize(f, 'inspector-app', SECRET);
    await logIn(await loginPage(f));
    const page = await waitForPage(f.ext.context, isInspector);
    await expect.poll(() => verdict(page)).toMatch(/^Tokens received/);
    // The active tab of the last focused normal window is the one showing the inspector.
    const inFront = () =>
      f.ext.worker.evaluate(async () => {
        const contexts = await chrome.runtime.getContexts({ contextTypes: ['TAB'] });
        const inspector = contexts.find((c) => c.documentUrl?.includes('/src/inspector/index.html'));
        const [active] = await chrome.tabs.query({
          active: true,
          windowType: 'normal',
          lastFocusedWindow: true,
        });
        return inspector !== undefined && active?.id === inspector.tabId;
      });
    await expect.poll(inFront).toBe(true);
    await expect
      .poll(() => popup.getByRole('status').textContent())
      .toMatch(/^Tokens received · All \d+ checks passed/);
  });
});

async function failedRun(expectedAlert: RegExp): Promise<Page> {
  const page = await waitForPage(f.ext.context, isInspector);
  await expect.poll(() => verdict(page)).toMatch(/Failed/);
  await expect.poll(() => page.getByRole('alert').textContent()).toMatch(expectedAlert);
  return page;
}

describe('failures: a specific alert, and what was captured stays visible', () => {
  test('a secret with reserved characters is form-encoded and accepted (RFC 6749 §2.3.1)', async () => {
    await authorize(f, 'special-app', SPECIAL_SECRET);
    await logIn(await loginPage(f));
    const page = await waitForPage(f.ext.context, isInspector);
    await expect.poll(() => verdict(page)).toMatch(/^Tokens received/);
  });

  test('the user closes the login window; the popup says so too, and Authorize works again', async () => {
    const popup = await authorize(f, 'inspector-app', SECRET);
    await (await loginPage(f)).close();
    const page = await failedRun(/login window was closed/);
    await expect(
      page.getByRole('table', { name: 'Authorize request parameters' }).textContent(),
    ).resolves.toContain('code_challenge');
    await expect.poll(() => popup.getByRole('alert').textContent()).toMatch(/login window was closed/);

    await popup.getByRole('button', { name: 'Authorize' }).click();
    await logIn(await loginPage(f));
    await expect.poll(() => verdict(page)).toMatch(/^Tokens received/);
    await expect(popup.getByRole('alert').count()).resolves.toBe(0);
  });

  test('an unreachable token endpoint is a network failure, with the callback kept', async () => {
    const popup = await openPopup(f.ext.context, f.ext.extensionId, {
      issuer: f.idp.issuer,
      clientId: 'inspector-app',
      secret: SECRET,
    });
    await popup.locator('summary', { hasText: 'Endpoints' }).click();
    const tokenEndpoint = popup.getByLabel('Token endpoint');
    await tokenEndpoint.fill('http://127.0.0.1:9/oauth2/token');
    await popup.getByRole('button', { name: 'Authorize' }).click();
    await logIn(await loginPage(f));
    const page = await failedRun(/Could not reach http:\/\/127\.0\.0\.1:9\/oauth2\/token/);
    await expect(page.getByRole('table', { name: 'Callback parameters' }).textContent()).resolves.toContain(
      'code',
    );
  });

  test('access denied at consent shows the provider error and the callback', async () => {
    await authorize(f, 'inspector-app', SECRET);
    await logIn(await loginPage(f), 'cancel');
    const page = await failedRun(/access_denied/);
    const params = page.getByRole('table', { name: 'Callback parameters' });
    await expect(
      params.getByRole('row', { name: /^error_description End-User aborted interaction/ }).count(),
    ).resolves.toBe(1);
  });

  test('a wrong secret: the token endpoint answers invalid_client, the exchange is kept', async () => {
    await authorize(f, 'inspector-app', 'not-the-secret');
    await logIn(await loginPage(f));
    const page = await failedRun(/HTTP 401: invalid_client/);
    await expect(page.getByLabel('Token response body', { exact: true }).textContent()).resolves.toContain(
      'invalid_client',
    );
    const sent = page.getByRole('table', { name: 'Token request headers' });
    await expect(sent.getByRole('row', { name: /^authorization Basic \[redacted\]$/ }).count()).resolves.toBe(
      1,
    );
  });

  test('a malformed JSON token response (as in BTG Id’s own sample) shows the parse error and the raw body', async () => {
    const malformed =
      '{\n "access_token":"eyJhbGciOiJS",\n "id_token":"eyJhbGciOiJIUzI1NiJ9.eyJ"\n "token_type":"Bearer"\n}';
    f.tamper = (ctx) => {
      if (ctx.oidc?.route === 'token') {
        ctx.status = 200;
        ctx.type = 'application/json';
        ctx.body = malformed;
      }
    };
    try {
      await authorize(f, 'inspector-app', SECRET);
      await logIn(await loginPage(f));
      const page = await failedRun(/not valid JSON/);
      await expect(page.getByLabel('Raw token response body').textContent()).resolves.toBe(malformed);
    } finally {
      f.tamper = undefined;
    }
  });

  test('a callback whose iss names another issuer is refused before the code is redeemed (RFC 9207)', async () => {
    f.tamper = (ctx) => {
      const location = String(ctx.response.get('location') || '');
      if (location.includes('chromiumapp.org') && location.includes('iss=')) {
        ctx.redirect(location.replace(/iss=[^&]*/, `iss=${encodeURIComponent('https://attacker.example')}`));
      }
    };
    const tokenCalls = () => f.idp.handlingMs.filter((h) => h.route === 'token').length;
    const before = tokenCalls();
    try {
      await authorize(f, 'inspector-app', SECRET);
      await logIn(await loginPage(f));
      await failedRun(/came from https:\/\/attacker\.example.*not redeemed/);
      expect(tokenCalls()).toBe(before);
    } finally {
      f.tamper = undefined;
    }
  });

  test('a discovery document for another issuer stops the run in the popup, before any login window', async () => {
    f.tamper = (ctx) => {
      if (ctx.oidc?.route === 'discovery')
        ctx.body = { ...(ctx.body as object), issuer: 'https://someone-else.example' };
    };
    try {
      const popup = await f.ext.context.newPage();
      await popup.goto(`chrome-extension://${f.ext.extensionId}/src/popup/index.html`);
      await popup.getByLabel('Issuer', { exact: true }).fill(f.idp.issuer);
      // Filled here: in any order of the tests, no earlier one has left a profile behind.
      await popup.getByLabel('Client ID').fill('inspector-app');
      await popup.getByRole('button', { name: 'Authorize' }).click();
      await expect.poll(() => popup.getByRole('alert').textContent()).toMatch(/someone-else\.example/);
      expect(f.ext.context.pages().some((p) => p.url().startsWith(`${f.idp.issuer}/interaction/`))).toBe(
        false,
      );
    } finally {
      f.tamper = undefined;
    }
  });
});
