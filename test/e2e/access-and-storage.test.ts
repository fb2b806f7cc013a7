import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DIST, redirectUrlFor } from '../../dev/browser.ts';
import { confidentialClient } from '../../dev/provider.ts';
import { flowFixture } from '../support/flow-fixture.ts';

const SECRET = 'access-test-secret';

/** A second provider on 127.0.0.2: loopback, but outside the manifest's host permissions, like any other issuer. */
const f = flowFixture((redirect) => [confidentialClient('app', SECRET, [redirect])], {
  otherHosts: ['127.0.0.2'],
});

describe('the shipped manifest', () => {
  const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8')) as Record<string, unknown>;

  test('asks for exactly the documented permissions', () => {
    expect(manifest.permissions).toEqual(['identity', 'storage', 'declarativeNetRequestWithHostAccess']);
    // The DevTools panel needs a page, not a permission.
    expect(manifest.devtools_page).toBe('src/devtools/index.html');
    expect(manifest.host_permissions).toEqual([
      'https://id.btgpactual.com/*',
      'http://localhost/*',
      'http://127.0.0.1/*',
    ]);
  });

  test('has a strict extension-pages CSP and exposes nothing to web pages', () => {
    const csp = (manifest.content_security_policy as { extension_pages: string }).extension_pages;
    expect(csp).toMatch(/(^|;)\s*script-src 'self'\s*(;|$)/);
    expect(csp).toMatch(/object-src 'none'/);
    for (const key of ['web_accessible_resources', 'content_scripts', 'externally_connectable', 'key']) {
      expect(manifest).not.toHaveProperty(key);
    }
  });
});

describe('host access for other issuers (optional_host_permissions)', () => {
  // Headless Chromium shows the permission prompt where nothing can accept it, so these cover the
  // offer in the popup and the worker's refusal; the grant itself is left to manual testing.
  test('the popup offers "Allow access to …" for an issuer outside the granted hosts', async () => {
    const popup = await f.ext.context.newPage();
    await popup.goto(`chrome-extension://${f.ext.extensionId}/src/popup/index.html`);
    await popup.getByLabel('Issuer', { exact: true }).fill(f.others[0]!.issuer);
    await popup.getByLabel('Issuer', { exact: true }).press('Tab');
    await expect
      .poll(() => popup.getByRole('button', { name: `Allow access to ${f.others[0]!.issuer}` }).count())
      .toBe(1);
    await popup.getByLabel('Issuer', { exact: true }).fill(f.idp.issuer);
    await popup.getByLabel('Issuer', { exact: true }).press('Tab');
    await expect.poll(() => popup.getByRole('button', { name: /^Allow access/ }).count()).toBe(0);
    await popup.close();
  });

  test('the worker refuses to start a run it may not complete, naming the origin', async () => {
    const popup = await f.ext.context.newPage();
    await popup.goto(`chrome-extension://${f.ext.extensionId}/src/popup/index.html`);
    const issuer = f.others[0]!.issuer;
    // The worker wraps what it answers (`answered`), so that a page tells an answer from a refusal.
    const { value: answer } = await popup.evaluate<
      { value: { ok: boolean; error?: { code: string; say?: { id: string; subs: unknown[] } } } },
      readonly [string, string]
    >(
      async ([issuer, redirect]) =>
        chrome.runtime.sendMessage({
          type: 'startRun',
          payload: {
            credential: { kind: 'secret', secret: 's' },
            profileName: 'Elsewhere',
            profile: {
              issuer,
              clientId: 'app',
              redirectUri: redirect,
              scopes: 'openid',
              usePkce: true,
              prompt: 'login',
              endpoints: {
                authorization: `${issuer}/oauth2/authorize`,
                token: `${issuer}/oauth2/token`,
                jwks: '',
              },
            },
          },
        }),
      [issuer, redirectUrlFor(f.ext.extensionId)] as const,
    );
    expect(answer.ok).toBe(false);
    expect(answer.error?.code).toBe('permission_missing');
    // Said as a message id and its values; the page words it in the reader's language.
    expect(answer.error?.say?.id).toBe('notAllowed');
    expect(JSON.stringify(answer.error?.say?.subs)).toContain(issuer);
    expect(f.ext.context.pages().some((p) => p.url().startsWith(`${issuer}/`))).toBe(false);
    await popup.close();
  });

  test('a malformed message is ignored by the worker', async () => {
    const popup = await f.ext.context.newPage();
    await popup.goto(`chrome-extension://${f.ext.extensionId}/src/popup/index.html`);
    const answer = await popup.evaluate<unknown>(() =>
      chrome.runtime.sendMessage({ type: 'startRun', payload: { profile: { issuer: 42 } } }),
    );
    expect(answer).toBeUndefined(); // no response, no run
    const runs = await f.ext.worker.evaluate(async () => Object.keys(await chrome.storage.session.get(null)));
    expect(runs.filter((k) => k.startsWith('run:'))).toEqual([]);
    await popup.close();
  });
});

describe('stored records of another version', () => {
  test('are named in the history and shown read-only as unreadable, never a crash', async () => {
    await f.ext.worker.evaluate(() =>
      chrome.storage.local.set({ 'history:future': { schema: 99, id: 'future', steps: 'a new shape' } }),
    );
    const page = await f.ext.context.newPage();
    await page.goto(`chrome-extension://${f.ext.extensionId}/src/inspector/index.html#run=future`);
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/saved by another version/);
    const history = page.getByRole('complementary', { name: 'History' });
    await expect.poll(() => history.textContent()).toMatch(/1 run was saved by another version/);
    await f.ext.worker.evaluate(() => chrome.storage.local.remove('history:future'));
    await page.close();
  });
});

describe('a profile book this version cannot read', () => {
  test('is kept aside untouched and said in the popup, never silently replaced by the default', async () => {
    const newer = {
      schema: 2,
      activeId: 'x',
      profiles: [{ id: 'x', name: 'From the future', credential: { kind: 'key' } }],
    };
    await f.ext.worker.evaluate((book) => chrome.storage.local.set({ profiles: book }), newer);
    try {
      const popup = await f.ext.context.newPage();
      await popup.goto(`chrome-extension://${f.ext.extensionId}/src/popup/index.html`);
      await expect
        .poll(() => popup.getByRole('alert').first().textContent({ timeout: 2000 }))
        .toMatch(
          /^Your saved profiles were written by a newer version of Auth Code Inspector \(profile book schema 2; this one reads 1\): they are kept aside, untouched/,
        );
      // The default profile is used here; the book from the newer version is kept as it was.
      await expect(popup.getByLabel('Issuer').inputValue({ timeout: 5000 })).resolves.toBe(
        'https://id.btgpactual.com',
      );
      const stored = await f.ext.worker.evaluate(() =>
        chrome.storage.local.get(['profiles', 'profiles-unreadable']),
      );
      expect(stored['profiles-unreadable']).toEqual(newer);
      expect((stored.profiles as { schema: number }).schema).toBe(1);
      // Opened again, it still says so (the book kept aside is still there).
      await popup.reload();
      await expect
        .poll(() => popup.getByRole('alert').first().textContent({ timeout: 2000 }))
        .toMatch(/kept aside, untouched/);
      await popup.close();
    } finally {
      await f.ext.worker.evaluate(() => chrome.storage.local.remove(['profiles', 'profiles-unreadable']));
    }
  });
});

describe('a step this version does not know', () => {
  test('shows as such with its raw record, beside the steps it knows; never a blank page', async () => {
    await f.ext.worker.evaluate(() =>
      chrome.storage.local.set({
        'history:newer-step': {
          schema: 1,
          id: 'newer-step',
          createdAt: Date.now(),
          finishedAt: Date.now(),
          status: 'done',
          redacted: true,
          secrets: [],
          profile: {
            issuer: 'https://op.example',
            clientId: 'app',
            redirectUri: 'https://app.example/cb',
            scopes: 'openid',
            usePkce: true,
            prompt: 'login',
            clientAuth: 'client_secret_basic',
            endpoints: { authorize: 'https://op.example/authorize', token: 'https://op.example/token' },
          },
          steps: [
            {
              kind: 'authorize',
              status: 'ok',
              at: Date.now(),
              url: 'https://op.example/authorize?client_id=app',
              params: [['client_id', 'app']],
            },
            {
              kind: 'device_authorization',
              status: 'ok',
              at: Date.now(),
              user_code: 'WDJB-MJHT',
              exchanges: [],
            },
          ],
        },
      }),
    );
    const page = await f.ext.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`chrome-extension://${f.ext.extensionId}/src/inspector/index.html#run=newer-step`);
    await page
      .getByRole('heading', { name: 'A step this version does not know: device_authorization' })
      .waitFor();
    await expect(page.getByText(/"user_code": "WDJB-MJHT"/).count()).resolves.toBe(1);
    // The step it knows still shows.
    await expect(
      page.getByText('https://op.example/authorize?client_id=app').count(),
    ).resolves.toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await f.ext.worker.evaluate(() => chrome.storage.local.remove('history:newer-step'));
    await page.close();
  });
});
