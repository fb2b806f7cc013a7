import { describe, expect, test } from 'vitest';
import { PROFILES_KEY } from '../../src/core/view/stored-records.ts';
import { confidentialClient } from '../../dev/provider.ts';
import { flowFixture } from '../support/flow-fixture.ts';

const f = flowFixture((redirect) => [
  confidentialClient('layout-app', 'layout-secret-0123456789', [redirect]),
]);

describe('a popup that fits (Chrome caps the toolbar popup at 800×600)', () => {
  // Standing: controls added to the popup later must keep the main button above the fold.
  test('in 420×600, the BTG Id profile with Endpoints and Profile actions closed shows all of Authorize', async () => {
    const popup = await f.ext.context.newPage();
    await popup.setViewportSize({ width: 420, height: 600 });
    await popup.goto(`chrome-extension://${f.ext.extensionId}/src/popup/index.html`);
    await popup.evaluate((key) => chrome.storage.local.remove(key), PROFILES_KEY);
    await popup.reload();
    await expect
      .poll(() => popup.getByLabel('Profile', { exact: true }).locator('option:checked').textContent())
      .toBe('BTG Id');
    for (const name of ['Endpoints', 'Profile actions'])
      expect(
        await popup
          .locator('details', { has: popup.locator('summary', { hasText: name }) })
          .getAttribute('open'),
      ).toBeNull();
    const box = await popup.getByRole('button', { name: 'Authorize' }).boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y + box!.height).toBeLessThanOrEqual(600);
    await popup.close();
  });

  test('one button is named Authorize, whatever disclosures are open (people and tests find it by that name)', async () => {
    const popup = await f.ext.context.newPage();
    await popup.goto(`chrome-extension://${f.ext.extensionId}/src/popup/index.html`);
    for (const name of ['Endpoints', 'Profile actions', 'Request options'])
      await popup.locator('summary', { hasText: name }).click();
    await popup.getByRole('button', { name: 'Add authorization parameter' }).click();
    await expect(popup.getByRole('button', { name: 'Authorize' }).count()).resolves.toBe(1);
    await popup.close();
  });

  test('the Scopes field suggests known scopes, described, each added to what is there', async () => {
    const popup = await f.ext.context.newPage();
    await popup.goto(`chrome-extension://${f.ext.extensionId}/src/popup/index.html`);
    const options = popup.locator('datalist#scope-suggestions option');
    await expect.poll(() => options.count()).toBeGreaterThan(5);
    const email = popup.locator('datalist#scope-suggestions option[value="openid email"]');
    await expect(email.getAttribute('label')).resolves.toBe(
      'email: email and email_verified (OIDC Core §5.4)',
    );
    expect(await popup.getByLabel('Scopes', { exact: true }).getAttribute('list')).toBe('scope-suggestions');
    await popup.close();
  });
});
