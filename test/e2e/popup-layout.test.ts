import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { PROFILES_KEY } from '../../src/core/view/stored-records.ts';
import { confidentialClient } from '../../dev/provider.ts';
import { flowFixture, type FlowFixture } from '../support/flow-fixture.ts';
import { catalog } from '../support/words.ts';

const clients = (redirect: string) => [
  confidentialClient('layout-app', 'layout-secret-0123456789', [redirect]),
];
const browsers = { en: flowFixture(clients), 'pt-BR': flowFixture(clients, { lang: 'pt-BR' }) };

/** What a machine may resolve `sans-serif` to: DejaVu (Debian's default, wide) and Liberation (metric-compatible with Arial). */
const FONTS = ['DejaVu Sans', 'Liberation Sans'];
/** Chrome's largest toolbar popup, and what 125 % zoom leaves of it in CSS pixels. */
const SIZES = [
  { width: 420, height: 600 },
  { width: 336, height: 480 },
];
/** The popup's words in each language, from the message files the extension ships. */
const said = (lang: 'en' | 'pt-BR') => {
  const m = catalog(lang === 'en' ? 'en' : 'pt_BR');
  return (id: string) => m[id]!.message;
};

async function popupWithFont(f: FlowFixture, size: { width: number; height: number }, font: string) {
  const popup = await f.ext.context.newPage();
  await popup.setViewportSize(size);
  await popup.goto(`chrome-extension://${f.ext.extensionId}/src/popup/index.html`);
  await popup.evaluate((key) => chrome.storage.local.remove(key), PROFILES_KEY);
  await popup.reload();
  await popup.addStyleTag({ content: `* { font-family: "${font}" !important; }` });
  await popup
    .getByRole('button', { name: said(f === browsers.en ? 'en' : 'pt-BR')('authorize'), exact: true })
    .waitFor();
  return popup;
}

/** The element's box is whole inside the viewport, and what is drawn at its centre is the element itself. */
async function wholeAndOnTop(page: Page, name: string, role: 'button' | 'alert' = 'button') {
  const element =
    role === 'alert' ? page.getByRole('alert') : page.getByRole('button', { name, exact: true });
  const box = await element.boundingBox();
  const viewport = page.viewportSize()!;
  const where = `${name} at ${JSON.stringify(box)} in ${viewport.width}×${viewport.height}`;
  expect(box, where).not.toBeNull();
  expect(box!.x, where).toBeGreaterThanOrEqual(0);
  expect(box!.y, where).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, where).toBeLessThanOrEqual(viewport.width);
  expect(box!.y + box!.height, where).toBeLessThanOrEqual(viewport.height);
  const onTop = await element.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
    return !!hit && el.contains(hit);
  });
  expect(onTop, `${where}: covered`).toBe(true);
}

describe('the popup’s main action is always in view (Chrome caps the toolbar popup at 800×600)', () => {
  for (const lang of ['en', 'pt-BR'] as const)
    test(`${lang}: the main button whole and on top in 420×600 and 336×480, with any font, any disclosures open, and an alert`, async () => {
      const f = browsers[lang];
      const say = said(lang);
      const authorize = say('authorize');
      /** Each check at every size: the page is laid out again for each viewport. */
      const atEverySize = async (popup: Page, check: () => Promise<void>) => {
        for (const size of SIZES) {
          await popup.setViewportSize(size);
          await check();
        }
      };
      for (const font of FONTS) {
        const popup = await popupWithFont(f, SIZES[0]!, font);
        await atEverySize(popup, () => wholeAndOnTop(popup, authorize));

        for (const id of ['endpoints', 'profileActions', 'requestOptions'])
          await popup.locator('summary', { hasText: say(id) }).click();
        await popup.getByRole('button', { name: say('extraAuthorizeAdd') }).click();
        await atEverySize(popup, () => wholeAndOnTop(popup, authorize));
        await expect(popup.getByRole('button', { name: authorize, exact: true }).count()).resolves.toBe(1);

        // A refusal: the newest alert stands beside the button, both in view.
        await popup.getByLabel(say('clientId'), { exact: true }).fill('');
        await popup.getByRole('button', { name: authorize, exact: true }).click();
        await popup.getByRole('alert').waitFor();
        await atEverySize(popup, async () => {
          await wholeAndOnTop(popup, 'the alert', 'alert');
          await wholeAndOnTop(popup, authorize);
        });

        // Client credentials: the same place, the other name.
        await popup.getByLabel(say('flow'), { exact: true }).selectOption('client_credentials');
        await atEverySize(popup, () => wholeAndOnTop(popup, say('requestToken')));
        await popup.close();
      }
    });

  test('the Scopes field suggests known scopes, described, each added to what is there', async () => {
    const f = browsers.en;
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
