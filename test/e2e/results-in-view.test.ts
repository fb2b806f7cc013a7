import { describe, expect, test } from 'vitest';
import { confidentialClient } from '../../dev/provider.ts';
import { authorize, flowFixture, isInspector, loginPage, verdict } from '../support/flow-fixture.ts';
import { logIn, waitForPage } from '../../dev/pages.ts';

/** An action's result where the eye is: scrolled into view, the keyboard focus on its heading. */
const SECRET = 'in-view-secret-0123456789abcdef0123';
const f = flowFixture((redirect) => [confidentialClient('in-view-app', SECRET, [redirect])]);

describe('results where the eye is', () => {
  test('Call UserInfo: the button says it is busy, then its step is in view with the focus on its heading', async () => {
    f.tamper = async (ctx) => {
      if (ctx.oidc?.route === 'userinfo') await new Promise((r) => setTimeout(r, 400));
    };
    try {
      await authorize(f, 'in-view-app', SECRET);
      await logIn(await loginPage(f));
      const page = await waitForPage(f.ext.context, isInspector);
      await expect.poll(() => verdict(page)).toMatch(/^Tokens received/);
      const button = page.getByRole('button', { name: 'Call UserInfo', exact: true });
      await button.click();
      // While the provider answers, the same button (its name unchanged) reads "…" and is busy.
      await expect.poll(() => button.getAttribute('aria-busy')).toBe('true');
      expect(await button.textContent()).toBe('…');
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
        .toBe('UserInfo');
      const inView = await page.evaluate(() => {
        const r = document.activeElement!.getBoundingClientRect();
        // Scrolled to its top edge, give or take the sub-pixel a layout's rounding leaves (-0.3 px seen).
        return r.top >= -1 && r.bottom <= window.innerHeight + 1;
      });
      expect(inView).toBe(true);
      expect(await button.getAttribute('aria-busy')).toBeNull();
      expect(await button.textContent()).toBe('Call UserInfo');
    } finally {
      f.tamper = undefined;
    }
  });

  test('never stale: claims by scope with values and their source, kept through a failed UserInfo; a revocation accepted stops the countdown; relative times tick', async () => {
    await authorize(f, 'in-view-app', SECRET);
    await logIn(await loginPage(f));
    const page = await waitForPage(f.ext.context, isInspector);
    await expect.poll(() => verdict(page)).toMatch(/^Tokens received/);
    const byScope = page.getByRole('table', { name: 'Claims by scope' });
    // Before UserInfo: what the ID token holds, and where the rest is.
    await expect(byScope.textContent()).resolves.toMatch(/sub: [^;]+ \(ID token\)/);
    await expect(
      page
        .getByText(
          'The ID token holds only some of the claims these scopes ask for: press Call UserInfo to see the profile claims.',
        )
        .count(),
    ).resolves.toBe(1);
    // Relative times keep moving on a page left open.
    const iat = page.getByRole('table', { name: 'id_token claims' }).getByRole('row', { name: /^iat/ });
    const first = await iat.textContent();
    await expect.poll(() => iat.textContent(), { timeout: 5000 }).not.toBe(first);

    await page.getByRole('button', { name: 'Call UserInfo', exact: true }).click();
    await expect.poll(() => byScope.textContent()).toMatch(/email: [^;]+@example\.test \(UserInfo\)/);
    // Revoked, the access token's countdown gives way to the revocation, and a later UserInfo fails.
    await expect(page.getByText(/^The access token expires /).count()).resolves.toBe(1);
    await page.getByRole('button', { name: 'Revoke access token', exact: true }).click();
    await expect
      .poll(() => page.getByText(/^Revocation accepted at .*: the access token’s countdown stops\./).count())
      .toBe(1);
    await expect(page.getByText(/^The access token expires /).count()).resolves.toBe(0);
    const steps = page.getByRole('list', { name: 'Steps' });
    const failedBefore = await steps.locator('.status-failed').count();
    await page.getByRole('button', { name: 'Call UserInfo', exact: true }).click();
    await expect.poll(() => steps.locator('.status-failed').count()).toBeGreaterThan(failedBefore);
    // The claims of the call that answered are still shown.
    expect(await byScope.textContent()).toMatch(/email: [^;]+@example\.test \(UserInfo\)/);
  });
});
