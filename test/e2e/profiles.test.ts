import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { confidentialClient } from '../../dev/provider.ts';
import { openPopup } from '../../dev/pages.ts';
import { flowFixture } from '../support/flow-fixture.ts';

/** Profiles by their visible names: the popup's book, the secret each keeps, and profile files. */
const SECRET = 'LEAKCHECK-secret-9f8e7d6c5b4a';

const f = flowFixture((redirect) => [confidentialClient('leak-app', SECRET, [redirect])]);

describe('profiles in the popup', () => {
  test('first run has "BTG Id"; new, rename, duplicate and delete work by their visible names', async () => {
    const popup = await openPopup(f.ext.context, f.ext.extensionId, {
      issuer: f.idp.issuer,
      clientId: 'leak-app',
      secret: SECRET,
    });
    const selector = popup.getByLabel('Profile', { exact: true });
    const selected = () => selector.locator('option:checked').textContent();
    expect(await selected()).toBe('BTG Id');

    await popup.locator('summary', { hasText: 'Profile actions' }).click();
    await popup.getByRole('button', { name: 'New profile' }).click();
    await expect.poll(selected).toBe('New profile');
    expect(await popup.getByLabel('Issuer', { exact: true }).inputValue()).toBe('https://id.btgpactual.com');

    await popup.getByRole('button', { name: 'Rename profile' }).click();
    await popup.getByLabel('New name').fill('Staging');
    await popup.getByRole('button', { name: 'Save name' }).click();
    await expect.poll(selected).toBe('Staging');

    await popup.getByRole('button', { name: 'Rename profile' }).click();
    await popup.getByLabel('New name').fill('BTG Id');
    await popup.getByRole('button', { name: 'Save name' }).click();
    await expect
      .poll(() => popup.getByRole('alert').textContent())
      .toMatch(/already a profile named "BTG Id"/);
    await popup.getByRole('button', { name: 'Cancel' }).click();

    await popup.getByRole('button', { name: 'Duplicate profile' }).click();
    await expect.poll(selected).toBe('Staging (copy)');
    await popup.getByRole('button', { name: 'Delete profile' }).click();
    await popup.getByRole('button', { name: 'Confirm delete' }).click();
    await expect.poll(() => selector.locator('option').allTextContents()).toEqual(['BTG Id', 'Staging']);

    await selector.selectOption({ label: 'BTG Id' });
    await popup.reload();
    expect(await popup.getByLabel('Profile', { exact: true }).locator('option:checked').textContent()).toBe(
      'BTG Id',
    );
    expect(await popup.getByLabel('Issuer', { exact: true }).inputValue()).toBe(f.idp.issuer);
    await popup.close();
  });

  test('the popup opens with the active profile and its own secret, whatever profile it saw last', async () => {
    const OTHER = 'other-profile-secret-0123456789';
    const popup = await openPopup(f.ext.context, f.ext.extensionId, {
      issuer: f.idp.issuer,
      clientId: 'leak-app',
      secret: SECRET,
    });
    const selected = () =>
      popup.getByLabel('Profile', { exact: true }).locator('option:checked').textContent();
    const secretShown = () => popup.getByLabel('Client secret', { exact: true }).inputValue();
    // Each profile's credential record (`secret:<id>`): the secret it holds, if it is one.
    const savedSecrets = () =>
      f.ext.worker.evaluate(async () =>
        Object.values(await chrome.storage.session.get(null)).map((v) =>
          typeof v === 'object' && v !== null && 'secret' in v ? v.secret : v,
        ),
      );
    // The popup's note of the profile it saw (page memory): read back to make it wrong on purpose.
    const hint = () => popup.evaluate(() => localStorage.getItem('activeProfileHint'));
    await expect.poll(savedSecrets).toContain(SECRET);
    await popup.reload();
    const first = await hint();
    expect(first).toBeTruthy();

    await popup.locator('summary', { hasText: 'Profile actions' }).click();
    await popup.getByRole('button', { name: 'New profile' }).click();
    await expect.poll(selected).toBe('New profile');
    await popup.getByLabel('Client secret', { exact: true }).fill(OTHER);
    await expect.poll(savedSecrets).toContain(OTHER);
    await popup.reload();
    expect([await selected(), await secretShown()]).toEqual(['New profile', OTHER]);

    // A note that names another profile (or none that exists) costs a round trip, never the wrong secret.
    for (const stale of [first!, 'no-such-profile']) {
      await popup.evaluate((id) => localStorage.setItem('activeProfileHint', id), stale);
      await popup.reload();
      expect([await selected(), await secretShown()]).toEqual(['New profile', OTHER]);
    }

    await popup.getByLabel('Profile', { exact: true }).selectOption({ label: 'BTG Id' });
    await expect.poll(hint).toBe(first);
    await popup.reload();
    expect([await selected(), await secretShown()]).toEqual(['BTG Id', SECRET]);

    await popup.getByLabel('Profile', { exact: true }).selectOption({ label: 'New profile' });
    await expect.poll(selected).toBe('New profile');
    await popup.locator('summary', { hasText: 'Profile actions' }).click();
    await popup.getByRole('button', { name: 'Delete profile' }).click();
    await popup.getByRole('button', { name: 'Confirm delete' }).click();
    await expect
      .poll(() => popup.getByLabel('Profile', { exact: true }).locator('option').allTextContents())
      .not.toContain('New profile');
    await popup.close();
  });
});

describe('profiles as files', () => {
  test('a malformed or foreign file is refused with the reason and changes nothing; a good one adds', async () => {
    const page = await f.ext.context.newPage();
    await page.goto(`chrome-extension://${f.ext.extensionId}/src/inspector/index.html`);
    const before = await f.ext.worker.evaluate(async () =>
      JSON.stringify((await chrome.storage.local.get('profiles')).profiles),
    );
    const importFile = (name: string, text: string) =>
      page
        .getByLabel('Import profiles')
        .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

    await importFile('broken.json', '{"format": "auth-code-inspector/profiles", ');
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toMatch(/^broken\.json: The file is not JSON/);
    await importFile('other.json', JSON.stringify({ format: 'postman_collection', profiles: [] }));
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toMatch(/not an Auth Code Inspector profiles file/);
    expect(
      await f.ext.worker.evaluate(async () =>
        JSON.stringify((await chrome.storage.local.get('profiles')).profiles),
      ),
    ).toBe(before);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export profiles' }).click(),
    ]);
    const exported = readFileSync(await download.path(), 'utf8');
    expect(exported).not.toMatch(/secret/i);
    await importFile('mine.json', exported);
    await expect
      .poll(() => page.getByRole('status').last().textContent())
      .toMatch(/^Imported \d+ profiles?\./);
  });
});
