import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import type { ElementHandle } from 'puppeteer-core';
import { describe, expect, onTestFinished, test } from 'vitest';
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
import { profilesFile, sharedProfile } from '../support/profile-files.ts';

/** The mistakes people make first, and the files they share, in Firefox ESR. */
const SECRET = 'firefox-secret-0123456789abcdef0123';
const f = firefoxFixture(
  (redirect) => [
    // Registered for an app's own URL only: the extension's redirect URI is not registered.
    confidentialClient('ff-elsewhere', SECRET, ['https://app.example.test/callback']),
    // A public client (PKCE) that pushes its requests.
    {
      client_id: 'ff-par',
      redirect_uris: [redirect],
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ],
  // DPoP taken (nonces demanded) by the same provider: a client that sends no proof is not affected.
  { dpop: true },
);
const isInspector = (url: string) => url.includes('/src/inspector/index.html#run=');
const status = async (ui: Ui) => (await ui.texts('status'))[0] ?? '';

/** A fresh popup for the public client with Use PAR ticked under Request options. */
async function parPopup() {
  const opened = await openFreshPopup(f);
  await fillPopup(opened.ui, { issuer: f.idp.issuer, clientId: 'ff-par', secret: '', scopes: 'openid' });
  await opened.ui.evaluate(() =>
    [...document.querySelectorAll('summary')].find((s) => s.textContent === 'Request options')?.click(),
  );
  await opened.ui.click('checkbox', 'Use PAR (pushed authorization request)');
  return opened;
}

describe('Firefox ESR: registration mistakes and shared files', () => {
  test.each([
    [
      'an unregistered redirect URI',
      'ff-elsewhere',
      /invalid_redirect_uri/,
      /register https:\/\/[0-9a-f]{40}\.extensions\.allizom\.org\/ for this client/,
    ],
    [
      'a mistyped client ID',
      'ff-ap',
      /invalid_client/,
      /There is no client ff-ap at http:\/\/127\.0\.0\.1:\d+/,
    ],
  ])(
    '%s: Firefox shows the provider’s page; closed, it is the provider’s refusal in its words',
    async (_, clientId, error, fix) => {
      const { ui: popup, page } = await openFreshPopup(f);
      await fillPopup(popup, { issuer: f.idp.issuer, clientId, secret: SECRET, scopes: 'openid' });
      await popup.click('button', 'Authorize');
      const { page: login } = await firefoxPage(f, (u) => u.startsWith(`${f.idp.issuer}/oauth2/authorize`));
      await login.close();
      const { ui: inspector } = await firefoxPage(f, isInspector);
      await expect
        .poll(() => status(inspector))
        .toMatch(/^Failed at the login window: the provider refused the authorization request/);
      const alert = (await inspector.texts('alert')).join(' ');
      expect(alert).toMatch(error);
      expect(alert).toMatch(fix);
      await page.close();
    },
  );

  test('a shared profile file that sends a credential to another origin is held until Import anyway', async () => {
    const { ui: inspector, page } = await openExtensionPage(f, 'src/inspector/index.html');
    const text = profilesFile(
      sharedProfile(f.idp.issuer, {
        name: 'Vendor profile',
        clientId: 'ff-app',
        redirectUri: firefoxRedirectUrl(),
        endpoints: { userinfo: 'https://collector.example.test/userinfo' },
      }),
    );
    const input = (await page.evaluateHandle(() => {
      const label = [...document.querySelectorAll('label')].find(
        (l) => l.textContent?.trim() === 'Import profiles',
      );
      return label?.control ?? null;
    })) as ElementHandle<HTMLInputElement>;
    const path = resolve(tmpdir(), `vendor-${Date.now()}.json`);
    writeFileSync(path, text);
    await input.uploadFile(path);
    await expect
      .poll(async () => (await inspector.texts('alert')).join(' '))
      .toContain('“Vendor profile”: UserInfo endpoint is on https://collector.example.test');
    await inspector.click('button', 'Import anyway');
    await expect.poll(async () => (await inspector.texts('status')).join(' ')).toMatch(/Imported 1 profile/);
    await page.close();
  });

  test('PAR in Firefox against oidc-provider (it spends request_uri only when it answers): the login succeeds', async () => {
    const { ui: popup, page } = await parPopup();
    await popup.click('button', 'Authorize');
    const { ui: login } = await firefoxPage(f, (u) => u.startsWith(`${f.idp.issuer}/interaction/`));
    await logInAt(login);
    const { ui: inspector } = await firefoxPage(f, isInspector);
    await expect.poll(() => status(inspector)).toMatch(/^Tokens received/);
    await page.close();
  });

  test('DPoP in Firefox: proofs made and nonces answered in Firefox’s worker; the token bound, UserInfo proved', async () => {
    const { ui: popup, page } = await openFreshPopup(f);
    await fillPopup(popup, { issuer: f.idp.issuer, clientId: 'ff-par', secret: '', scopes: 'openid' });
    await popup.evaluate(() =>
      [...document.querySelectorAll('summary')].find((s) => s.textContent === 'Request options')?.click(),
    );
    await popup.click('checkbox', 'Use DPoP (sender-constrained tokens)');
    await popup.click('button', 'Authorize');
    const { ui: login } = await firefoxPage(f, (u) => u.startsWith(`${f.idp.issuer}/interaction/`));
    await logInAt(login);
    const { ui: inspector } = await firefoxPage(f, isInspector);
    await expect.poll(() => status(inspector)).toMatch(/^Tokens received · All \d+ checks passed/);
    // A proof was sent, so the check passes only on token_type DPoP (RFC 9449 §5).
    const rows = await inspector.texts('row');
    expect(rows.filter((r) => r.includes('Token type is Bearer, or DPoP after a proof'))).toEqual([
      expect.stringMatching(/^✓ pass.*DPoP$|^✓ pass.*DPoP.*RFC/),
    ]);
    await inspector.click('button', 'Call UserInfo');
    await expect
      .poll(async () => (await inspector.texts('heading')).filter((h) => h === 'UserInfo').length)
      .toBeGreaterThan(0);
    expect(await inspector.texts('alert')).toEqual([]);
    await page.close();
  });

  test('PAR in Firefox: said before the window opens; a provider that spends request_uri on the first request is named', async () => {
    // A provider stricter than oidc-provider: a request_uri answered once, the same one refused after.
    const seen = new Map<string, number>();
    f.tamper = (ctx) => {
      const uri =
        ctx.method === 'GET' && ctx.path === '/oauth2/authorize' ? ctx.query.request_uri : undefined;
      if (typeof uri !== 'string') return;
      const times = (seen.get(uri) ?? 0) + 1;
      seen.set(uri, times);
      if (times < 2) return;
      ctx.status = 400;
      ctx.type = 'html';
      ctx.body =
        '<!DOCTYPE html><title>oops</title><h1>oops! something went wrong</h1><pre>error: invalid_request_uri\nerror_description: request_uri is invalid, expired, or was already used</pre>';
    };
    onTestFinished(() => {
      f.tamper = undefined;
    });
    const { ui: popup, page } = await parPopup();
    await expect
      .poll(async () => (await popup.texts('status')).join(' '))
      .toMatch(/Firefox requests the login URL twice \(once hidden\)/);
    await popup.click('button', 'Authorize');
    const { page: login } = await firefoxPage(f, (u) => u.startsWith(`${f.idp.issuer}/oauth2/authorize`));
    await expect
      .poll(() => login.evaluate(() => document.body?.textContent ?? '').catch(() => ''))
      .toMatch(/invalid_request_uri/);
    expect([...seen.values()]).toEqual([2]);
    await login.close();
    const { ui: inspector } = await firefoxPage(f, isInspector);
    await expect.poll(() => status(inspector)).toMatch(/^Failed at the login window/);
    expect((await inspector.texts('alert')).join(' ')).toMatch(
      /Firefox requests the login URL twice, once hidden before it shows the page.*invalid_request_uri/,
    );
    await page.close();
  });
});
