import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { recordHar } from '../support/har-apps.ts';
import { traceFixture } from '../support/trace-pages.ts';

const { f, recordLogin, devtoolsStub, diagnoses, checkRow } = await traceFixture();

// Real DevTools cannot be driven headless here: the panel page runs in a tab, with chrome.devtools.network
// defined from a recorded HAR by an init script, as DevTools would hand it the inspected tab's log.
describe('the DevTools panel', () => {
  test('the DevTools panel shows the inspected tab’s logins, live from chrome.devtools.network', async () => {
    const har = readFileSync(await recordLogin('state-recorded-2'), 'utf8');
    const page = await f.ext.context.newPage();
    await page.addInitScript(devtoolsStub(`(${har}).log.entries`));
    await page.goto(`chrome-extension://${f.ext.extensionId}/src/trace/panel.html`);
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('1 login attempt found.');
    await expect(
      page.getByRole('heading', { name: `Login of har-app at ${f.idp.issuer}` }).count(),
    ).resolves.toBe(1);
    // The shared copy is prepared after the trace is shown: its button comes when it is ready.
    await page.getByRole('button', { name: 'Download redacted HAR' }).waitFor();
    // The timeline in words, never the analysis' ids.
    const timeline = await page.getByRole('list', { name: 'Timeline of har-app' }).textContent();
    expect(timeline).toMatch(/· authorization request · GET/);
    expect(timeline).not.toMatch(/· authorize · /);
    // Clear: the log from now on (nothing more finishes in this tab).
    await page.getByRole('button', { name: 'Clear' }).click();
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toBe('Waiting for the network log…');
    await expect(page.getByRole('heading', { name: /^Login of/ }).count()).resolves.toBe(0);
    await page.close();
  });

  test('the panel reads a refused authorize page live: the provider’s error, not “the callback never came”', async () => {
    const har = await recordHar(async (page) => {
      const authorize = new URL(`${f.idp.issuer}/oauth2/authorize`);
      for (const [k, v] of Object.entries({
        client_id: 'har-app',
        response_type: 'code',
        redirect_uri: 'https://unregistered.example/cb',
        scope: 'openid',
        state: 'refused-live',
      }))
        authorize.searchParams.set(k, v);
      await page.goto(authorize.toString());
    });
    const page = await f.ext.context.newPage();
    await page.addInitScript(devtoolsStub(`(${readFileSync(har, 'utf8')}).log.entries`));
    await page.goto(`chrome-extension://${f.ext.extensionId}/src/trace/panel.html`);
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('1 login attempt found.');
    const host = new URL(f.idp.issuer).host;
    await expect
      .poll(() => diagnoses(page))
      .toEqual([expect.stringMatching(new RegExp(`^${host} showed its own error, invalid_redirect_uri`))]);
    await page.close();
  });

  test('the panel keeps up with a tab that never stops requesting; it reads in a 400 px dock and hides codes while presenting', async () => {
    const har = readFileSync(await recordLogin('state-recorded-3'), 'utf8');
    const page = await f.ext.context.newPage();
    // The tab's log starts empty; a request finishes every 40 ms, and the login's requests among them.
    await page.addInitScript(devtoolsStub('[]'));
    await page.addInitScript(`(() => {
      const log = (${har}).log;
      let n = 0;
      const login = [...log.entries];
      window.__finished = 0;
      setInterval(() => {
        n++;
        const filler = { startedDateTime: new Date(Date.UTC(2026, 10, 29, 12, 0, 0, n)).toISOString(), time: 1,
          request: { method: 'GET', url: 'https://cdn.example/poll?n=' + n, headers: [] },
          response: { status: 200, headers: [], content: { size: 2, mimeType: 'application/json', text: '{}' } } };
        const next = n > 10 && login.length ? login.shift() : filler;
        window.__finish(next);
        window.__finished = n;
      }, 40);
    })()`);
    await page.setViewportSize({ width: 400, height: 800 });
    await page.goto(`chrome-extension://${f.ext.extensionId}/src/trace/panel.html`);
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('1 login attempt found.');
    // Found while the requests keep coming (a debounce would wait for a pause that never comes).
    const finished = await page.evaluate<number>('window.__finished');
    await expect.poll(() => page.evaluate<number>('window.__finished')).toBeGreaterThan(finished);
    // A 400 px dock: nothing scrolls sideways; the checks stack and keep their row names.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(400);
    await expect.poll(() => checkRow(page, 'State echoed in the callback')).toMatch(/pass/);
    // Presentation mode, the inspector's one setting: the callback's URL (its code) is hidden here too.
    const timeline = page.getByRole('list', { name: 'Timeline of har-app' });
    await expect.poll(() => timeline.textContent()).toMatch(/code=/);
    await page.getByLabel('Presentation mode').check();
    await expect.poll(() => timeline.textContent()).not.toMatch(/code=/);
    await page.getByLabel('Presentation mode').uncheck();
    await expect.poll(() => timeline.textContent()).toMatch(/code=/);
    await page.close();
  });
});
