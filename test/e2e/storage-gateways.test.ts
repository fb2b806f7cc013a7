import { describe, expect, test } from 'vitest';
import { logIn, pasted, waitForPage } from '../../dev/pages.ts';
import { confidentialClient } from '../../dev/provider.ts';
import { HISTORY_LIMIT } from '../../src/core/view/stored-records.ts';
import { authorize, flowFixture, isInspector, loginPage, verdict } from '../support/flow-fixture.ts';

/** A full storage area and providers that read credentials their own way: the run goes on, secrets stay off disk. */
const SECRET = 'storage-secret-0123456789abcdef';
// Characters form-urlencoding changes but form-decoding leaves alone: the raw spelling authenticates too.
const RAW_SECRET = 'raw/only:secret~0123456789abcdef';

const f = flowFixture((redirect) => [
  confidentialClient('harden-app', SECRET, [redirect]),
  confidentialClient('raw-basic-app', RAW_SECRET, [redirect]),
]);

async function diskAreas() {
  return f.ext.worker.evaluate(async () => ({
    local: JSON.stringify(await chrome.storage.local.get(null)),
    sync: JSON.stringify(await chrome.storage.sync.get(null)),
  }));
}

describe('a full session storage area', () => {
  test('older full copies make room, their history stays, and the new run goes on', async () => {
    // A fresh worker: an earlier test's run is pruned a second after it ended, and that prune, evicting
    // the oldest full copies while the area is being filled here, made room for ever more fillers and
    // dropped their history past the history limit. Earlier runs' history goes too: fillers only.
    await f.restart();
    await f.ext.worker.evaluate(async () => {
      const keys = Object.keys(await chrome.storage.local.get(null)).filter((k) => k.startsWith('history:'));
      await chrome.storage.local.remove(keys);
    });
    // Runs with big bodies until the area refuses one, then smaller ones until it refuses even those.
    const filled = await f.ext.worker.evaluate(async () => {
      const ids: string[] = [];
      for (const size of [900_000, 90_000, 9_000, 900]) {
        for (;;) {
          const id = `filler-${ids.length}`;
          const run = {
            schema: 1,
            id,
            createdAt: 1_000_000 + ids.length,
            finishedAt: 1_000_001 + ids.length,
            status: 'done',
            profile: { issuer: 'https://filler.example', clientId: id },
            profileName: 'Filler',
            steps: [{ kind: 'discovery', status: 'ok', at: 0, note: 'x'.repeat(size) }],
            secrets: [],
          };
          try {
            await chrome.storage.session.set({ [`run:${id}`]: run });
          } catch {
            break; // the quota error a real user would hit
          }
          await chrome.storage.local.set({ [`history:${id}`]: { ...run, steps: [], redacted: true } });
          ids.push(id);
        }
      }
      return ids;
    });
    expect(filled.length).toBeGreaterThan(5);
    // All of them and the new run fit in the history (none is pruned for its age).
    expect(filled.length).toBeLessThan(HISTORY_LIMIT);
    await authorize(f, 'harden-app', SECRET);
    await logIn(await loginPage(f));
    const page = await waitForPage(f.ext.context, isInspector);
    await expect.poll(() => verdict(page)).toMatch(/^Tokens received/);
    // The full copies are trimmed to their budget once the run has ended.
    await expect
      .poll(() => f.ext.worker.evaluate(() => chrome.storage.session.getBytesInUse(null)))
      .toBeLessThan(8_000_000);
    const kept = await f.ext.worker.evaluate(async () => ({
      session: Object.keys(await chrome.storage.session.get(null)),
      local: Object.keys(await chrome.storage.local.get(null)),
    }));
    expect(kept.session.filter((k) => k.startsWith('run:filler-')).length).toBeLessThan(filled.length);
    for (const id of filled) expect(kept.local).toContain(`history:${id}`);
    const history = page.getByRole('complementary', { name: 'History' });
    await expect.poll(() => history.getByRole('link', { name: /Filler/ }).count()).toBe(filled.length);
  });
});

describe('a provider that compares the Basic credential raw (as several real servers do)', () => {
  test('its 403 unauthorized_client is explained, retried with the raw credential, and the setting kept in the profile', async () => {
    // The test provider, made to refuse the form-urlencoded spelling of the Basic credential.
    f.tamper = (ctx) => {
      if (ctx.oidc?.route !== 'token') return;
      const credential = Buffer.from(ctx.get('authorization').replace(/^Basic /, ''), 'base64').toString();
      if (credential.includes('%')) {
        ctx.status = 403;
        ctx.body = { error: 'unauthorized_client', error_description: 'client authentication failed' };
      }
    };
    try {
      const popup = await authorize(f, 'raw-basic-app', RAW_SECRET);
      await logIn(await loginPage(f));
      const refused = await waitForPage(f.ext.context, isInspector);
      await expect.poll(() => refused.getByRole('alert').count()).toBe(1);
      const alert = (await refused.getByRole('alert').textContent())!;
      expect(alert).toContain('RFC 6749 §5.2 expects HTTP 401 when client authentication fails');
      expect(alert).toMatch(
        /Likely causes, most likely first: the client secret is wrong; the provider compares the Basic credential raw.*which changes "\/", ":", "~"/,
      );
      await refused.getByRole('button', { name: 'Retry with the raw Basic credential' }).click();
      await logIn(await loginPage(f));
      // The inspector follows the new run.
      const retried = refused;
      await expect.poll(() => verdict(retried)).toMatch(/^Tokens received/);
      await retried.getByRole('button', { name: 'Keep this setting in the profile' }).click();
      await expect
        .poll(() => retried.getByRole('status').filter({ hasText: 'Saved in the profile' }).textContent())
        .toBe('Saved in the profile “BTG Id”.');
      // The popup now sends the raw credential for this profile.
      const again = await f.ext.context.newPage();
      await again.goto(`chrome-extension://${f.ext.extensionId}/src/popup/index.html`);
      await again.locator('summary', { hasText: 'Request options' }).click();
      await expect
        .poll(() => again.getByLabel('Form-urlencode the Basic credential').isChecked())
        .toBe(false);
      await Promise.all([popup.close(), again.close()]);
    } finally {
      f.tamper = undefined;
    }
  });

  test('a legacy gateway’s form-encoded token answer: its tokens are secrets, never on disk', async () => {
    const access = 'legacy-ACCESS-7c1e0b9d4f2a';
    const refresh = 'legacy-REFRESH-3a8f6e2d1c0b';
    f.tamper = (ctx) => {
      if (ctx.oidc?.route !== 'token') return;
      ctx.type = 'application/x-www-form-urlencoded';
      ctx.body = `access_token=${access}&token_type=bearer&refresh_token=${refresh}&expires_in=3600`;
    };
    try {
      const popup = await authorize(f, 'harden-app', SECRET);
      await logIn(await loginPage(f));
      const page = await waitForPage(f.ext.context, isInspector);
      await expect.poll(() => verdict(page)).toMatch(/^Failed/);
      // The person sees the raw answer; the disk copy and the report do not hold its tokens.
      await expect.poll(async () => (await page.content()).includes(access)).toBe(true);
      await expect.poll(async () => (await diskAreas()).local).toContain('"status":"failed"');
      const disk = await diskAreas();
      for (const value of [access, refresh])
        for (const area of Object.values(disk)) expect(area).not.toContain(value);
      await page.getByRole('button', { name: 'Copy report' }).click();
      const report = await pasted(f.ext.context);
      expect(report).toContain('Token request');
      for (const value of [access, refresh]) expect(report).not.toContain(value);
      await popup.close();
    } finally {
      f.tamper = undefined;
    }
  });
});
