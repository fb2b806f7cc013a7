import { describe, expect, test } from 'vitest';
import { confidentialClient } from '../../dev/provider.ts';
import { flowFixture, isInspector, loginPage, verdict } from '../support/flow-fixture.ts';
import { logIn, openPopup, waitForPage } from '../../dev/pages.ts';

/** History never ends silently: a full storage.local first costs the oldest history, else the run says so. */
const SECRET = 'history-secret-0123456789abcdef0123';
const f = flowFixture((redirect) => [confidentialClient('history-app', SECRET, [redirect])]);

/**
 * Fills storage.local to its quota: old history copies (`history`) or records history may not remove
 * (`other`), in shrinking sizes until not even a small one fits.
 */
const fill = (kind: 'history' | 'other') =>
  f.ext.worker.evaluate(async (k) => {
    let n = 0;
    for (const size of [900_000, 60_000, 4_000, 200]) {
      for (;;) {
        const i = n++;
        const pad = 'p'.repeat(size);
        const record =
          k === 'history'
            ? {
                schema: 3,
                id: `old-${i}`,
                createdAt: i,
                status: 'done',
                profile: {},
                steps: [],
                secrets: [],
                redacted: true,
                note: pad,
              }
            : pad;
        try {
          await chrome.storage.local.set({ [k === 'history' ? `history:old-${i}` : `other:${i}`]: record });
        } catch {
          break;
        }
      }
    }
    return n;
  }, kind);

/** Fills the popup, then the disk (the popup itself writes its profile as it is typed), then logs in. */
async function loggedIn(kind: 'history' | 'other') {
  for (const page of f.ext.context.pages().filter((p) => isInspector(p.url()))) await page.close();
  const popup = await openPopup(f.ext.context, f.ext.extensionId, {
    issuer: f.idp.issuer,
    clientId: 'history-app',
    secret: SECRET,
  });
  await fill(kind);
  await popup.getByRole('button', { name: 'Authorize' }).click();
  await logIn(await loginPage(f));
  const page = await waitForPage(f.ext.context, isInspector);
  await expect.poll(() => verdict(page)).toMatch(/^Tokens received/);
  return page;
}

describe('history on a full disk', () => {
  test('the oldest history copies make room; when nothing can, the inspector says the run is not in history', async () => {
    // Old history copies fill the disk: the new run's copy takes the room of the oldest.
    const first = await loggedIn('history');
    const runId = new URL(first.url()).hash.replace('#run=', '');
    await expect
      .poll(() =>
        f.ext.worker.evaluate(
          async (id) => Object.keys(await chrome.storage.local.get(`history:${id}`)).length,
          runId,
        ),
      )
      .toBe(1);
    expect(await first.getByRole('alert').count()).toBe(0);
    await f.ext.worker.evaluate(() => chrome.storage.local.clear());

    // Nothing history may remove fills the disk: the run is shown, and says it is not in history.
    const second = await loggedIn('other');
    await expect
      .poll(() => second.getByRole('alert').filter({ hasText: 'could not be saved to history' }).count())
      .toBe(1);
    await f.ext.worker.evaluate(() => chrome.storage.local.clear());
  });
});
