import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchWithExtension, redirectUrlFor, type LaunchedExtension } from '../../dev/browser.ts';
import { confidentialClient, startProvider, type RunningProvider, type Tamper } from '../../dev/provider.ts';
import { logIn, openPopup, waitForPage } from '../support/pages.ts';

const SECRET = 'plain-secret-0123456789abcdef0123456789';
// Every reserved character RFC 6749 §2.3.1's form-encoding touches, and then some.
const SPECIAL_SECRET = 'p:ss%word+&= with spaces/?#[]@!$\'()*,;~"<>^`{|}\\';

// An app's own redirect URI; nothing listens there: the extension's network rule catches the navigation.
const OWN_REDIRECT = 'http://127.0.0.1:9/app/callback';

let ext: LaunchedExtension;
let idp: RunningProvider;
let tamper: Tamper | undefined;

beforeAll(async () => {
  ext = await launchWithExtension({ headless: true });
  const redirect = redirectUrlFor(ext.extensionId);
  idp = await startProvider({
    clients: [
      confidentialClient('inspector-app', SECRET, [redirect]),
      confidentialClient('special-app', SPECIAL_SECRET, [redirect]),
      confidentialClient('own-redirect-app', SECRET, [OWN_REDIRECT]),
    ],
    tamper: () => tamper,
  });
});

afterAll(async () => {
  await ext?.context.close();
  await idp?.close();
});

const isLogin = (url: string) => url.startsWith(`${idp.issuer}/interaction/`);
/** The provider's login window; when it does not come, the runs' states say why. */
async function loginPage(): Promise<Page> {
  try {
    return await waitForPage(ext.context, isLogin);
  } catch (e) {
    const runs = await ext.worker
      .evaluate(async () =>
        Object.values(await chrome.storage.session.get(null)).map((v) => {
          const r = v as {
            status?: string;
            steps?: { kind: string; status: string; url?: string }[];
            error?: unknown;
          };
          return { status: r.status, steps: r.steps?.map((s) => `${s.kind}:${s.status}`), error: r.error };
        }),
      )
      .catch((err: Error) => err.message);
    const popups = await Promise.all(
      ext.context
        .pages()
        .filter((p) => p.url().includes('/src/popup/'))
        .map((p) => p.locator('[role=alert], [role=status]').allTextContents()),
    );
    console.error('no login window; popups say:', JSON.stringify(popups));
    console.error(
      'no login window; runs:',
      JSON.stringify(runs),
      'pages:',
      ext.context.pages().map((p) => p.url()),
    );
    throw e;
  }
}

const isInspector = (url: string) => url.includes('/src/inspector/index.html#run=');

async function authorize(
  clientId: string,
  secret: string,
): Promise<{ popup: Page; inspector: () => Promise<Page> }> {
  for (const page of ext.context.pages().filter((p) => isInspector(p.url()))) await page.close();
  const popup = await openPopup(ext.context, ext.extensionId, {
    issuer: idp.issuer,
    clientId,
    secret,
    scopes: 'openid profile email',
  });
  await popup.getByRole('button', { name: 'Authorize' }).click();
  return { popup, inspector: () => waitForPage(ext.context, isInspector) };
}

describe('the Authorization Code flow in real Chromium against oidc-provider', () => {
  test('happy path: tokens and the decoded id_token reach the inspector', async () => {
    const { inspector } = await authorize('inspector-app', SECRET);
    await logIn(await loginPage(), 'continue', 'ana');
    const page = await inspector();
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/^Tokens received/);
    await expect(page.getByRole('heading', { name: 'Token response' }).isVisible()).resolves.toBe(true);
    const claims = page.getByRole('table', { name: 'id_token claims' });
    await expect(claims.getByRole('row', { name: /^sub ana/ }).count()).resolves.toBe(1);
    await expect(claims.getByRole('row', { name: /^aud inspector-app/ }).count()).resolves.toBe(1);
    const fields = page.getByRole('table', { name: 'Token response fields' });
    await expect(fields.getByRole('row', { name: /^token_type Bearer/ }).count()).resolves.toBe(1);
    await expect(page.getByRole('alert').count()).resolves.toBe(0);
  });
});

async function failedRun(expectedAlert: RegExp): Promise<Page> {
  const page = await waitForPage(ext.context, isInspector);
  await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/Failed/);
  await expect.poll(() => page.getByRole('alert').textContent()).toMatch(expectedAlert);
  return page;
}

describe('failures: a specific alert, and what was captured stays visible', () => {
  test('a secret with reserved characters is form-encoded and accepted (RFC 6749 §2.3.1)', async () => {
    const { inspector } = await authorize('special-app', SPECIAL_SECRET);
    await logIn(await loginPage());
    const page = await inspector();
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/^Tokens received/);
  });

  test('the user closes the login window; the popup says so too, and Authorize works again', async () => {
    const { popup } = await authorize('inspector-app', SECRET);
    await (await loginPage()).close();
    const page = await failedRun(/login window was closed/);
    await expect(
      page.getByRole('table', { name: 'Authorize request parameters' }).textContent(),
    ).resolves.toContain('code_challenge');
    await expect.poll(() => popup.getByRole('alert').textContent()).toMatch(/login window was closed/);

    await popup.getByRole('button', { name: 'Authorize' }).click();
    await logIn(await loginPage());
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/^Tokens received/);
    await expect(popup.getByRole('alert').count()).resolves.toBe(0);
  });

  test('an unreachable token endpoint is a network failure, with the callback kept', async () => {
    const popup = await openPopup(ext.context, ext.extensionId, {
      issuer: idp.issuer,
      clientId: 'inspector-app',
      secret: SECRET,
    });
    await popup.locator('summary', { hasText: 'Endpoints' }).click();
    const tokenEndpoint = popup.getByLabel('Token endpoint');
    await tokenEndpoint.fill('http://127.0.0.1:9/oauth2/token');
    await popup.getByRole('button', { name: 'Authorize' }).click();
    await logIn(await loginPage());
    const page = await failedRun(/Could not reach http:\/\/127\.0\.0\.1:9\/oauth2\/token/);
    await expect(page.getByRole('table', { name: 'Callback parameters' }).textContent()).resolves.toContain(
      'code',
    );
  });

  test('access denied at consent shows the provider error and the callback', async () => {
    await authorize('inspector-app', SECRET);
    await logIn(await loginPage(), 'cancel');
    const page = await failedRun(/access_denied/);
    const params = page.getByRole('table', { name: 'Callback parameters' });
    await expect(
      params.getByRole('row', { name: /^error_description End-User aborted interaction/ }).count(),
    ).resolves.toBe(1);
  });

  test('a wrong secret: the token endpoint answers invalid_client, the exchange is kept', async () => {
    await authorize('inspector-app', 'not-the-secret');
    await logIn(await loginPage());
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
    tamper = (ctx) => {
      if (ctx.oidc?.route === 'token') {
        ctx.status = 200;
        ctx.type = 'application/json';
        ctx.body = malformed;
      }
    };
    try {
      await authorize('inspector-app', SECRET);
      await logIn(await loginPage());
      const page = await failedRun(/not valid JSON/);
      await expect(page.getByLabel('Raw token response body').textContent()).resolves.toBe(malformed);
    } finally {
      tamper = undefined;
    }
  });

  test('a callback whose iss names another issuer is refused before the code is redeemed (RFC 9207)', async () => {
    tamper = (ctx) => {
      const location = String(ctx.response.get('location') || '');
      if (location.includes('chromiumapp.org') && location.includes('iss=')) {
        ctx.redirect(location.replace(/iss=[^&]*/, `iss=${encodeURIComponent('https://attacker.example')}`));
      }
    };
    const tokenCalls = () => idp.handlingMs.filter((h) => h.route === 'token').length;
    const before = tokenCalls();
    try {
      await authorize('inspector-app', SECRET);
      await logIn(await loginPage());
      await failedRun(/came from https:\/\/attacker\.example.*not redeemed/);
      expect(tokenCalls()).toBe(before);
    } finally {
      tamper = undefined;
    }
  });

  test('a discovery document for another issuer stops the run in the popup, before any login window', async () => {
    tamper = (ctx) => {
      if (ctx.oidc?.route === 'discovery')
        ctx.body = { ...(ctx.body as object), issuer: 'https://someone-else.example' };
    };
    try {
      const popup = await ext.context.newPage();
      await popup.goto(`chrome-extension://${ext.extensionId}/src/popup/index.html`);
      await popup.getByLabel('Issuer', { exact: true }).fill(idp.issuer);
      await popup.getByRole('button', { name: 'Authorize' }).click();
      await expect.poll(() => popup.getByRole('alert').textContent()).toMatch(/someone-else\.example/);
      expect(ext.context.pages().some((p) => isLogin(p.url()))).toBe(false);
    } finally {
      tamper = undefined;
    }
  });
});

describe('redirect URIs', () => {
  test('the app’s own registered redirect URI works: the login window is routed back to the extension', async () => {
    const popup = await openPopup(ext.context, ext.extensionId, {
      issuer: idp.issuer,
      clientId: 'own-redirect-app',
      secret: SECRET,
    });
    await popup.getByLabel('Redirect URI', { exact: true }).fill(OWN_REDIRECT);
    await popup.getByRole('button', { name: 'Authorize' }).click();
    await logIn(await loginPage());
    const page = await waitForPage(ext.context, isInspector);
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/^Tokens received/);
    const sent = page.getByRole('table', { name: 'Authorize request parameters' });
    await expect(sent.getByRole('row', { name: `redirect_uri ${OWN_REDIRECT}` }).count()).resolves.toBe(1);
  });
});

describe('a login that outlives the worker', () => {
  test('ends as interrupted in the inspector, never silently', async () => {
    const { popup, inspector } = await authorize('inspector-app', SECRET);
    const login = await loginPage();
    const page = await inspector();
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/^In progress/);
    // What the browser does to an idle extension worker, done on purpose.
    const cdp = await ext.context.newCDPSession(popup);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/^Interrupted/);
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(
      /stopped the extension’s background worker/,
    );
    await expect(page.getByRole('table', { name: 'Authorize request parameters' }).count()).resolves.toBe(1);
    await login.close();
  });
});

describe('endpoints', () => {
  test('endpoints left at BTG Id’s documented paths give way to the discovery document (JWKS URI included)', async () => {
    const popup = await openPopup(ext.context, ext.extensionId, {
      issuer: idp.issuer,
      clientId: 'inspector-app',
      secret: SECRET,
    });
    await popup.locator('summary', { hasText: 'Endpoints' }).click();
    await popup.getByLabel('JWKS URI').fill(''); // the fields now hold exactly the documented fallback
    await popup.getByRole('button', { name: 'Authorize' }).click();
    await logIn(await loginPage());
    const page = await waitForPage(ext.context, isInspector);
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/^Tokens received · All/);
    const signature = page
      .getByRole('table', { name: 'ID token checks' })
      .getByRole('row', { name: 'ID token signature is valid' });
    expect(await signature.textContent()).toContain('pass');
  });
});

describe('typing while the provider answers', () => {
  test('a slow discovery answer fills the endpoints without undoing what was typed meanwhile', async () => {
    tamper = async (ctx) => {
      if (ctx.oidc?.route === 'discovery') await new Promise((r) => setTimeout(r, 600));
    };
    try {
      const popup = await ext.context.newPage();
      await popup.goto(`chrome-extension://${ext.extensionId}/src/popup/index.html`);
      await popup.evaluate(() => chrome.storage.local.remove('profiles'));
      await popup.reload();
      await popup.getByLabel('Issuer', { exact: true }).fill(idp.issuer);
      await popup.getByLabel('Issuer', { exact: true }).press('Tab');
      await popup.getByLabel('Client ID', { exact: true }).fill('typed-during-discovery');
      await expect
        .poll(() => popup.getByLabel('Token endpoint').inputValue())
        .toBe(`${idp.issuer}/oauth2/token`);
      expect(await popup.getByLabel('Client ID', { exact: true }).inputValue()).toBe(
        'typed-during-discovery',
      );
      await popup.reload(); // and it was saved that way
      expect(await popup.getByLabel('Client ID', { exact: true }).inputValue()).toBe(
        'typed-during-discovery',
      );
      await popup.close();
    } finally {
      tamper = undefined;
    }
  });
});
