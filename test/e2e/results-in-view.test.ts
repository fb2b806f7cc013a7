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
        return r.top >= 0 && r.bottom <= window.innerHeight;
      });
      expect(inView).toBe(true);
      expect(await button.getAttribute('aria-busy')).toBeNull();
      expect(await button.textContent()).toBe('Call UserInfo');
    } finally {
      f.tamper = undefined;
    }
  });
});
