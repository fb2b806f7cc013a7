import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { confidentialClient } from '../../dev/provider.ts';
import { openPopup, waitForPage } from '../../dev/pages.ts';
import { FORGED_STATE_HAR } from '../../dev/sample-har.ts';
import { flowFixture, isInspector, loginPage, submit, verdict } from '../support/flow-fixture.ts';

const SECRET = 'a11y-secret-0123456789abcdef';
const f = flowFixture((redirect) => [confidentialClient('a11y-app', SECRET, [redirect])]);

/**
 * axe's violations on the page as it is now, one line each (rule, impact, where), none expected. In the
 * light theme every rule; in the dark one the rules a theme can change (colours), the rest being the same.
 */
async function violations(page: Page, colorScheme: 'light' | 'dark'): Promise<string[]> {
  await page.emulateMedia({ colorScheme });
  // Only violations are reported in full (passes name their rule, one node each): much less work for axe.
  const builder = new AxeBuilder({ page }).options({ resultTypes: ['violations'] });
  const { violations: found, passes } = await (
    colorScheme === 'dark' ? builder.withRules(['color-contrast', 'link-in-text-block']) : builder
  ).analyze();
  // axe read the page (its rules found things to pass), not an empty or blocked document.
  expect(passes.length).toBeGreaterThan(colorScheme === 'dark' ? 0 : 10);
  return found.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} ${n.failureSummary ?? ''}`),
  );
}

const SCHEMES = ['light', 'dark'] as const;

describe('axe finds no violation, in the light and the dark theme', () => {
  test('the popup, and the inspector after a success', async () => {
    const popup = await openPopup(f.ext.context, f.ext.extensionId, {
      issuer: f.idp.issuer,
      clientId: 'a11y-app',
      secret: SECRET,
    });
    const success = await submit(f, popup);
    await expect.poll(() => verdict(success)).toMatch(/^Tokens received/);
    for (const colorScheme of SCHEMES) {
      for (const page of [popup, success]) {
        expect(await violations(page, colorScheme), `${page.url()} ${colorScheme}`).toEqual([]);
      }
    }
    await popup.close();
  });

  test('the inspector after a failure (the wrong client secret)', async () => {
    const popup = await openPopup(f.ext.context, f.ext.extensionId, {
      issuer: f.idp.issuer,
      clientId: 'a11y-app',
      secret: 'not-the-secret-0123456789',
    });
    const failure = await submit(f, popup);
    await expect.poll(() => failure.getByRole('alert').count()).toBeGreaterThan(0);
    // The sequence diagram: the token endpoint's refusal is a red arrow, and a link to its exchange.
    const refusal = failure.getByRole('link', { name: /^401 Unauthorized · HTTP 401 · \d+ ms$/ });
    await expect(refusal.getAttribute('class')).resolves.toBe('arrow failed');
    await expect(
      failure.getByRole('link', { name: /^POST \/oauth2\/token$/ }).getAttribute('class'),
    ).resolves.toBe('arrow');
    await refusal.click();
    await expect
      .poll(() =>
        failure.evaluate("Math.round(document.getElementById('step-3').getBoundingClientRect().top)"),
      )
      .toBeLessThan(50);
    for (const colorScheme of SCHEMES) {
      expect(await violations(failure, colorScheme), colorScheme).toEqual([]);
    }
    await popup.close();
  });

  test('the Trace page with a failing login on it', async () => {
    const page = await f.ext.context.newPage();
    await page.goto(`chrome-extension://${f.ext.extensionId}/src/trace/index.html`);
    await page.getByLabel('HAR file').setInputFiles({
      name: 'forged.har',
      mimeType: 'application/json',
      buffer: Buffer.from(FORGED_STATE_HAR),
    });
    await expect.poll(() => page.getByRole('heading', { name: /^Login of spa/ }).count()).toBe(1);
    for (const colorScheme of SCHEMES) {
      expect(await violations(page, colorScheme), colorScheme).toEqual([]);
    }
    await page.close();
  });
});

/** Presses Tab until the focused element is `name`'s button (at most `limit` presses), as a keyboard user would. */
async function tabTo(page: Page, name: string, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate('document.activeElement?.textContent?.trim()');
    if (focused === name) return;
  }
  throw new Error(`${name} is not reachable with Tab`);
}

describe('the whole flow works from the keyboard', () => {
  test('Tab to Authorize, Enter; log in by keyboard; Tab to Refresh tokens, Enter', async () => {
    const popup = await openPopup(f.ext.context, f.ext.extensionId, {
      issuer: f.idp.issuer,
      clientId: 'a11y-app',
      secret: SECRET,
    });
    await popup.getByLabel('Issuer', { exact: true }).focus();
    await tabTo(popup, 'Authorize');
    await popup.keyboard.press('Enter');
    const login = await loginPage(f);
    await login.locator('input[name=login]').focus();
    await login.keyboard.type('keyboard-user');
    await login.keyboard.press('Tab');
    await login.keyboard.type('any password');
    await login.keyboard.press('Enter');
    await login.getByRole('button', { name: 'Continue' }).focus();
    await login.keyboard.press('Enter');
    const page = await waitForPage(f.ext.context, isInspector);
    await expect.poll(() => verdict(page)).toMatch(/^Tokens received/);
    await page.bringToFront();
    await tabTo(page, 'Refresh tokens');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { name: 'Refresh', exact: true }).count()).toBe(1);
    await popup.close();
  });
});
