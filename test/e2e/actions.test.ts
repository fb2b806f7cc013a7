import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { logIn, openPopup } from '../../dev/pages.ts';
import { loginPage, submit, verdict } from '../support/flow-fixture.ts';
import { actionsFixture, SECRET } from '../support/actions-fixture.ts';

/** After the login: refresh, UserInfo, introspect and revoke, each a step of the same run. */
const { f, loggedIn } = actionsFixture();

const exchangeSection = (page: Page) =>
  page.locator('section', { has: page.getByRole('heading', { name: 'Exchange' }) });
const accessTokenField = (page: Page) =>
  page
    .getByRole('table', { name: 'Token response fields' })
    .getByRole('row', { name: /^access_token / })
    .textContent();

describe('actions on a finished run', () => {
  test('Refresh tokens: the refresh token rotates, the changes are listed, the newest tokens become current', async () => {
    const page = await loggedIn();
    const before = await accessTokenField(page);
    await page.getByRole('button', { name: 'Refresh tokens' }).click();
    const exchange = exchangeSection(page);
    await expect.poll(() => exchange.getByRole('heading', { name: 'Refresh' }).count()).toBe(1);
    await expect.poll(() => exchange.getByText('Refresh token rotated').count()).toBe(1);
    const changed = page.getByRole('table', { name: 'Fields that changed' });
    await expect(changed.getByRole('row', { name: /^access_token / }).count()).resolves.toBe(1);
    await expect(changed.getByRole('row', { name: /^refresh_token / }).count()).resolves.toBe(1);
    await expect.poll(() => accessTokenField(page)).not.toBe(before);
    // The verdict stays the login's; the history line counts the action.
    await expect.poll(() => verdict(page)).toMatch(/^Tokens received · All/);
    const history = page.getByRole('complementary', { name: 'History' });
    await expect.poll(() => history.getByRole('link').first().textContent()).toMatch(/ · 1 action(?!s)/);
    const refreshChecks = page.getByRole('table', { name: 'Refresh checks' });
    await expect(refreshChecks.getByRole('row', { name: /fail/ }).count()).resolves.toBe(0);
    await expect(
      refreshChecks.getByRole('row', { name: /New ID token has the same subject/ }).count(),
    ).resolves.toBe(1);
    // Each check once, by id and by title: the refreshed ID token's nonce is judged by OIDC Core
    // §12.2's rule alone (the login's nonce rule had repeated it under the same title).
    const rows = await refreshChecks
      .locator('tr[data-check]')
      .evaluateAll((trs) =>
        trs.map((r) => [r.getAttribute('data-check'), r.querySelector('th')?.textContent]),
      );
    expect(rows.map(([id]) => id)).toContain('refresh.id_token.nonce');
    for (const column of [0, 1]) expect(new Set(rows.map((r) => r[column])).size).toBe(rows.length);
    await expect(page.getByRole('button', { name: 'Copy as curl: refresh request' }).count()).resolves.toBe(
      1,
    );
  });

  test('Call UserInfo shows the scope’s claims; a provider that answers another sub fails the check', async () => {
    const page = await loggedIn();
    await page.getByRole('button', { name: 'Call UserInfo' }).click();
    const claims = page.getByRole('table', { name: 'UserInfo claims' });
    await expect.poll(() => claims.getByRole('row', { name: /^email / }).count()).toBe(1);
    // For a demo: which claims each scope brought (the ID token's and UserInfo's together).
    const byScope = page.getByRole('table', { name: 'Claims by scope' });
    await expect
      .poll(() =>
        byScope
          .getByRole('row', { name: /^email email: \S+@\S+ \(UserInfo\); email_verified: true \(UserInfo\)/ })
          .count(),
      )
      .toBe(1);
    const subCheck = () =>
      page
        .getByRole('table', { name: 'UserInfo checks' })
        .getByRole('row', { name: /UserInfo sub is the ID token’s sub/ })
        .last()
        .textContent();
    await expect.poll(subCheck).toMatch(/pass/);

    f.tamper = (ctx) => {
      if (ctx.oidc?.route === 'userinfo') ctx.body = { ...(ctx.body as object), sub: 'somebody-else' };
    };
    try {
      await page.getByRole('button', { name: 'Call UserInfo' }).click();
      await expect
        .poll(() =>
          page.getByRole('table', { name: 'UserInfo checks' }).getByRole('row', { name: /fail/ }).count(),
        )
        .toBe(1);
    } finally {
      f.tamper = undefined;
    }
    expect(await subCheck()).toMatch(/somebody-else/);

    // The provider's keys as published now: listed, public only, still holding the ID token's key.
    await page.getByRole('button', { name: 'Fetch the provider’s keys' }).click();
    const keys = page.getByRole('table', { name: 'Published keys' });
    await expect.poll(() => keys.getByRole('row', { name: /RSA/ }).count()).toBeGreaterThan(0);
    const keyChecks = page.getByRole('table', { name: 'Provider keys checks' });
    await expect(
      keyChecks.getByRole('row', { name: /^✓ pass Only public keys published/ }).count(),
    ).resolves.toBe(1);
    await expect(
      keyChecks.getByRole('row', { name: /^✓ pass Key of the login’s ID token still published/ }).count(),
    ).resolves.toBe(1);
    await expect(
      page.getByRole('button', { name: 'Copy as curl: Provider keys request' }).count(),
    ).resolves.toBe(1);
  });

  test('a revoked refresh token then introspects as inactive; the access token still as active', async () => {
    const page = await loggedIn();
    await page.getByRole('button', { name: 'Introspect access token' }).click();
    const exchange = exchangeSection(page);
    await expect.poll(() => exchange.getByText('The access token is active').count()).toBe(1);
    await page.getByRole('button', { name: 'Revoke refresh token' }).click();
    await expect.poll(() => exchange.getByText('The refresh token was revoked').count()).toBe(1);
    await page.getByRole('button', { name: 'Introspect refresh token' }).click();
    await expect.poll(() => exchange.getByText('The refresh token is not active').count()).toBe(1);
    const table = page.getByRole('table', { name: 'Introspection of the access token' });
    await expect(table.getByRole('row', { name: /^client_id actions-app/ }).count()).resolves.toBe(1);
  });

  test('after "Forget secrets and tokens" the actions are disabled and say why', async () => {
    const page = await loggedIn();
    const popup = await f.ext.context.newPage();
    await popup.goto(`chrome-extension://${f.ext.extensionId}/src/popup/index.html`);
    await popup.getByRole('button', { name: 'Forget secrets and tokens' }).click();
    const refresh = page.getByRole('button', { name: 'Refresh tokens' });
    await expect.poll(() => refresh.isDisabled()).toBe(true);
    await expect(refresh.getAttribute('aria-describedby')).resolves.toBeTruthy();
    await expect(page.getByText('This copy of the run holds no tokens').first().isVisible()).resolves.toBe(
      true,
    );
    await popup.close();
  });
});

describe('client authentication methods', () => {
  async function withMethod(clientId: string, method: string): Promise<Page> {
    const popup = await openPopup(f.ext.context, f.ext.extensionId, {
      issuer: f.idp.issuer,
      clientId,
      secret: SECRET,
      scopes: 'openid email',
    });
    await popup.locator('summary', { hasText: 'Request options' }).click();
    await popup.getByLabel('Client authentication').selectOption(method);
    return popup;
  }

  test('a secret-based method chosen without its secret refuses to start, naming the field (never silently none)', async () => {
    const popup = await withMethod('post-app', 'client_secret_post');
    await popup.getByLabel('Client secret').fill('');
    await popup.getByRole('button', { name: 'Authorize' }).click();
    await expect
      .poll(() => popup.getByRole('alert').first().textContent())
      .toMatch(/Client secret is empty, but Client authentication is client_secret_post/);
    await popup.close();
  });

  test('client_secret_jwt: a short-lived JWT signed with the secret; the secret itself never sent, the JWT kept without its signature', async () => {
    const popup = await withMethod('jwt-app', 'client_secret_jwt');
    const page = await submit(f, popup);
    await expect.poll(() => verdict(page)).toMatch(/^Tokens received/);
    const body = (await page.getByLabel('Token request body').textContent()) ?? '';
    expect(body).toContain(
      'client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer',
    );
    expect(body).not.toContain('client_secret=');
    expect(body).not.toContain(SECRET);
    // Decoded beside the raw request: its claims, as a person reads them.
    const claimsTable = page.getByRole('table', { name: 'Token client assertion claims' });
    expect(await claimsTable.getByRole('row', { name: /^aud / }).textContent()).toContain(f.idp.issuer);
    expect(await page.getByRole('table', { name: 'Token client assertion header' }).textContent()).toContain(
      'HS256',
    );
    const assertion = new URLSearchParams(body).get('client_assertion') ?? '';
    const [header, claims, signature] = assertion.split('.');
    expect(JSON.parse(Buffer.from(claims!, 'base64url').toString())).toMatchObject({
      iss: 'jwt-app',
      sub: 'jwt-app',
      aud: f.idp.issuer,
    });
    // On disk the assertion keeps its header and claims, never its signature.
    const disk = await f.ext.worker.evaluate(async () =>
      JSON.stringify(await chrome.storage.local.get(null)),
    );
    await expect
      .poll(async () =>
        (
          await f.ext.worker.evaluate(async () => JSON.stringify(await chrome.storage.local.get(null)))
        ).includes(`${header}.${claims}`),
      )
      .toBe(true);
    expect(disk).not.toContain(signature!);
    expect(disk).not.toContain(SECRET);
  });

  test('an assertion refused for its audience: the cause named, Retry with the token endpoint as audience succeeds and is kept', async () => {
    // A provider that wants its token endpoint's URL, never its issuer, as the assertion's audience.
    f.tamper = (ctx) => {
      const assertion = (ctx.oidc?.params?.client_assertion as string | undefined) ?? '';
      if (ctx.oidc?.route !== 'token' || !assertion) return;
      const { aud } = JSON.parse(Buffer.from(assertion.split('.')[1]!, 'base64url').toString()) as {
        aud: string;
      };
      if (!aud.endsWith('/oauth2/token')) {
        ctx.status = 401;
        ctx.body = { error: 'invalid_client', error_description: 'invalid audience' };
      }
    };
    try {
      const popup = await withMethod('jwt-app', 'client_secret_jwt');
      const page = await submit(f, popup);
      await expect.poll(() => verdict(page)).toMatch(/Failed/);
      expect(await page.getByRole('alert').first().textContent()).toMatch(
        /the provider wants the token endpoint’s URL as the assertion’s audience \(aud\)/,
      );
      await page.getByRole('button', { name: 'Retry with the token endpoint as audience' }).click();
      await logIn(await loginPage(f));
      await expect.poll(() => verdict(page)).toMatch(/^Tokens received/);
      const claims = page.getByRole('table', { name: 'Token client assertion claims' });
      expect(await claims.getByRole('row', { name: /^aud / }).textContent()).toContain('/oauth2/token');
      await page.getByRole('button', { name: 'Keep this setting in the profile' }).click();
      await popup.reload();
      await popup.locator('summary', { hasText: 'Request options' }).click();
      await expect.poll(() => popup.getByLabel('Assertion audience').inputValue()).toBe('endpoint');
    } finally {
      f.tamper = undefined;
    }
  });

  test('client_secret_post: the secret goes in the body, no Authorization header', async () => {
    const popup = await withMethod('post-app', 'client_secret_post');
    const page = await submit(f, popup);
    await expect.poll(() => verdict(page)).toMatch(/^Tokens received/);
    expect(await page.getByLabel('Token request body').textContent()).toContain('client_secret=');
    expect(await page.getByRole('table', { name: 'Token request headers' }).textContent()).not.toMatch(
      /authorization/i,
    );
  });

  test('Basic credentials for a public client are refused, naming the advertised methods; the retry with none succeeds', async () => {
    const popup = await withMethod('public-app', 'client_secret_basic');
    const page = await submit(f, popup);
    await expect.poll(() => verdict(page)).toMatch(/Failed/);
    const alert = await page.getByRole('alert').first().textContent();
    expect(alert).toMatch(/invalid_client/);
    expect(alert).toMatch(
      /client_secret_basic is not allowed for this client; the provider also accepts .*none/,
    );

    // The retry is offered right there, one button per advertised method; the inspector follows the new run.
    await page.getByRole('button', { name: 'Retry with none' }).click();
    await logIn(await loginPage(f));
    await expect.poll(() => verdict(page)).toMatch(/^Tokens received/);
    expect(await page.getByLabel('Token request body').textContent()).toContain('client_id=public-app');
  });

  test('a public client: no secret field, client_id in the body, PKCE, tokens received', async () => {
    const popup = await withMethod('public-app', 'none');
    await expect.poll(() => popup.getByLabel('Client secret', { exact: true }).count()).toBe(0);
    const page = await submit(f, popup);
    await expect.poll(() => verdict(page)).toMatch(/^Tokens received/);
    const body = await page.getByLabel('Token request body').textContent();
    expect(body).toContain('client_id=public-app');
    expect(body).toContain('code_verifier=');
    expect(body).not.toContain('client_secret');
  });
});
