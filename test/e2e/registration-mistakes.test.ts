import { describe, expect, test } from 'vitest';
import { confidentialClient } from '../../dev/provider.ts';
import { authorize, flowFixture, isInspector, verdict } from '../support/flow-fixture.ts';
import { waitForPage } from '../../dev/pages.ts';

/** The mistakes people make first, at a real provider: Chromium closes the login window on its 400 page. */
const SECRET = 'plain-secret-0123456789abcdef0123456789';
const ELSEWHERE = 'https://app.example.test/callback';

const f = flowFixture(() => [
  // Registered for the app's own URL, not for the extension's: the redirect URI sent is not registered.
  confidentialClient('registered-elsewhere', SECRET, [ELSEWHERE]),
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
  });
});
