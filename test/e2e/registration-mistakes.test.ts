import { describe, expect, test } from 'vitest';
import { confidentialClient } from '../../dev/provider.ts';
import { authorize, flowFixture, isInspector, loginPage, verdict } from '../support/flow-fixture.ts';
import { logIn, pasted, waitForPage } from '../../dev/pages.ts';
import { profilesFile, sharedProfile } from '../support/profile-files.ts';

/** The mistakes people make first, at a real provider: Chromium closes the login window on its 400 page. */
const SECRET = 'plain-secret-0123456789abcdef0123456789';
const ELSEWHERE = 'https://app.example.test/callback';
const COLON_SECRET = 'se:cret-0123456789abcdef0123456789';

const f = flowFixture((redirect) => [
  // Registered for the app's own URL, not for the extension's: the redirect URI sent is not registered.
  confidentialClient('registered-elsewhere', SECRET, [ELSEWHERE]),
  confidentialClient('team-app', SECRET, [redirect]),
  // Registered for client_secret_post, with a ':' in its secret: Basic is refused both ways.
  {
    ...confidentialClient('colon-app', COLON_SECRET, [redirect]),
    token_endpoint_auth_method: 'client_secret_post',
  },
]);

describe('the commonest registration mistakes', () => {
  test('an unregistered redirect URI is the provider’s refusal, in its words, with the fix', async () => {
    await authorize(f, 'registered-elsewhere', SECRET);
    const page = await waitForPage(f.ext.context, isInspector);
    await expect.poll(() => verdict(page)).toMatch(/^Failed at the login window: the provider refused/);
    expect(await verdict(page)).not.toMatch(/checks passed/);
    const alert = page.getByRole('alert').first();
    await expect.poll(() => alert.textContent()).toMatch(/invalid_redirect_uri/);
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain(`https://${f.ext.extensionId}.chromiumapp.org/`);
    expect(text).toMatch(/register/i);
    await expect(page.getByRole('button', { name: 'Copy redirect URI' }).count()).resolves.toBe(1);
    await expect(
      page.getByRole('button', { name: 'Open the authorization request in a tab' }).count(),
    ).resolves.toBe(1);
    await expect(
      page.getByText('Authorization request, read again by the extension (no cookies)').count(),
    ).resolves.toBeGreaterThan(0);
  });

  test('a mistyped client ID is an unknown client at this issuer', async () => {
    await authorize(f, 'registred-elsewhere', SECRET);
    const page = await waitForPage(f.ext.context, isInspector);
    await expect.poll(() => verdict(page)).toMatch(/^Failed at the login window: the provider refused/);
    const alert = page.getByRole('alert').first();
    await expect.poll(() => alert.textContent()).toMatch(/invalid_client/);
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain(`no client registred-elsewhere at ${f.idp.issuer}`);
    // The report a support person hands over carries the provider's refusal and the request read again.
    await page.getByRole('button', { name: 'Copy report' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Copy report' }).textContent()).toBe('Copied');
    const report = await pasted(f.ext.context);
    expect(report).toContain('The provider refused the authorization request: invalid_client');
    expect(report).toContain('### Authorization request, read again by the extension (no cookies)');
    expect(report).toMatch(/HTTP 400 Bad Request/);
  });
});

describe('profiles shared in a team', () => {
  test('a colleague’s extension redirect URL becomes this installation’s, said at import, and the login works', async () => {
    const theirs = 'https://ponmlkjihgfedcbaponmlkjihgfedcba.chromiumapp.org/';
    const own = `https://${f.ext.extensionId}.chromiumapp.org/`;
    const page = await f.ext.context.newPage();
    await page.goto(`chrome-extension://${f.ext.extensionId}/src/inspector/index.html`);
    const text = profilesFile(
      sharedProfile(f.idp.issuer, { name: 'From a colleague', clientId: 'team-app', redirectUri: theirs }),
    );
    await page
      .getByLabel('Import profiles')
      .setInputFiles({ name: 'team.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    const note = page.getByRole('note').filter({ hasText: 'another installation' });
    await expect.poll(() => note.textContent()).toContain(own);
    expect(await note.textContent()).not.toContain(theirs);
    await expect(note.getByRole('button', { name: 'Copy redirect URI' }).count()).resolves.toBe(1);
    await page.close();

    const popup = await f.ext.context.newPage();
    await popup.goto(`chrome-extension://${f.ext.extensionId}/src/popup/index.html`);
    await popup.getByLabel('Profile', { exact: true }).selectOption({ label: 'From a colleague' });
    expect(await popup.getByLabel('Redirect URI', { exact: true }).inputValue()).toBe(own);
    await popup.getByLabel('Client secret').fill(SECRET);
    for (const old of f.ext.context.pages().filter((p) => isInspector(p.url()))) await old.close();
    await popup.getByRole('button', { name: 'Authorize' }).click();
    await logIn(await loginPage(f));
    const inspector = await waitForPage(f.ext.context, isInspector);
    await expect.poll(() => verdict(inspector)).toMatch(/^Tokens received/);
    await popup.close();
  });
});

describe('a next step that fixes the problem', () => {
  test('after invalid_client the first offer is another secret; its success is kept as the profile’s secret', async () => {
    await authorize(f, 'team-app', 'a-wrong-secret');
    await logIn(await loginPage(f));
    const page = await waitForPage(f.ext.context, isInspector);
    await expect.poll(() => verdict(page)).toMatch(/^Failed at the token endpoint: the provider refused/);
    const secret = page.getByLabel('Client secret');
    await secret.fill(SECRET);
    await page.getByRole('button', { name: 'Retry with this secret' }).click();
    await logIn(await loginPage(f));
    await expect.poll(() => verdict(page)).toMatch(/^Tokens received/);
    await page.getByRole('button', { name: 'Keep this setting in the profile' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Saved in the profile' }).count())
      .toBe(1);
    const popup = await f.ext.context.newPage();
    await popup.goto(`chrome-extension://${f.ext.extensionId}/src/popup/index.html`);
    await expect.poll(() => popup.getByLabel('Client secret', { exact: true }).inputValue()).toBe(SECRET);
    // Not on disk: the profile does not remember its secret.
    const local = await f.ext.worker.evaluate(async () =>
      JSON.stringify(await chrome.storage.local.get(null)),
    );
    expect(local).not.toContain(SECRET);
    await popup.close();
  });

  test('Basic refused form-urlencoded and raw: neither again, the ":" named, client_secret_post first', async () => {
    // As a real server from Debian does: the decoded credential split at every ':', never form-decoded.
    f.tamper = (ctx) => {
      if (ctx.oidc?.route !== 'token' || !/^Basic /.test(ctx.get('authorization'))) return;
      ctx.status = 401;
      ctx.body = { error: 'invalid_client', error_description: 'client authentication failed' };
    };
    try {
      await refusedBothWays();
    } finally {
      f.tamper = undefined;
    }
  });

  async function refusedBothWays() {
    await authorize(f, 'colon-app', COLON_SECRET);
    await logIn(await loginPage(f));
    const page = await waitForPage(f.ext.context, isInspector);
    await expect.poll(() => verdict(page)).toMatch(/^Failed at the token endpoint/);
    await page.getByRole('button', { name: 'Retry with the raw Basic credential' }).click();
    await logIn(await loginPage(f));
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/the secret holds “:”/);
    const offers = page.getByRole('button', { name: /^Retry with / });
    await expect.poll(() => offers.first().textContent()).toBe('Retry with this secret');
    const names = await offers.allTextContents();
    expect(names).not.toContain('Retry with the raw Basic credential');
    expect(names).not.toContain('Retry with the form-urlencoded Basic credential');
    expect(names[1]).toBe('Retry with client_secret_post');
    expect(names.at(-1)).toBe('Retry with none');
    await page.getByRole('button', { name: 'Retry with client_secret_post' }).click();
    await logIn(await loginPage(f));
    await expect.poll(() => verdict(page)).toMatch(/^Tokens received/);
  }
});
