import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { logIn, openPopup, pasted, waitForPage } from '../../dev/pages.ts';
import { confidentialClient } from '../../dev/provider.ts';
import { HISTORY_LIMIT } from '../../src/core/view/stored-records.ts';
import { authorize, flowFixture, isInspector, loginPage, verdict } from '../support/flow-fixture.ts';
import { rewriteCallback, rewriteDiscovery } from '../support/tamper.ts';

/** A hostile provider, a pasted command, a second tab, a full storage area: none may hurt the user. */
const SECRET = 'hardening-secret-0123456789abcdef';
const scratch = mkdtempSync(join(tmpdir(), 'aci-harden-'));
const CANARY = join(scratch, 'ran');
// Every character a shell treats specially, and commands that must never run when pasted.
const SHELL_ID = `shell!#'"$\\\`()*~:%+&;|<>app $(touch ${CANARY})`;
const SHELL_SECRET = `s!#'"$\\\`()*~:%+&;|<> \\$(touch ${CANARY})\`touch ${CANARY}\``;

// Characters form-urlencoding changes but form-decoding leaves alone: the raw spelling authenticates too.
const RAW_SECRET = 'raw/only:secret~0123456789abcdef';

/** The developer's own app on loopback: it records every request that reaches it. */
const appRequests: string[] = [];
const app = createServer((req, res) => {
  appRequests.push(`${req.method} ${req.url}`);
  res.writeHead(200, { 'content-type': 'text/html' }).end('<title>The real app</title>');
});
await new Promise<void>((r) => app.listen(0, '127.0.0.1', r));
const APP = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
const APP_REDIRECT = `${APP}/callback`;
afterAll(() => new Promise<void>((r) => app.close(() => r())));

const f = flowFixture(
  (redirect) => [
    confidentialClient('harden-app', SECRET, [redirect]),
    confidentialClient(SHELL_ID, SHELL_SECRET, [redirect]),
    confidentialClient('routed-app', SECRET, [APP_REDIRECT]),
    confidentialClient('raw-basic-app', RAW_SECRET, [redirect]),
  ],
  { otherHosts: ['127.0.0.2'] },
);

/**
 * What a person's terminal does with a paste: an interactive bash (history expansion on) reads it line
 * by line. Asynchronous, because the provider it calls runs in this very process.
 */
function interactiveBash(input: string, vars: Record<string, string>): Promise<string> {
  const env = { PATH: process.env.PATH ?? '', HOME: scratch, HISTFILE: '/dev/null', ...vars };
  const bash = spawn('bash', ['--norc', '--noprofile', '-i'], { env, timeout: 20_000 });
  let out = '';
  bash.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  bash.stdin.end(input);
  return new Promise((resolve) => bash.on('close', () => resolve(out)));
}

async function sessionRun(page: Page) {
  const runId = new URL(page.url()).hash.replace('#run=', '');
  return f.ext.worker.evaluate(
    async (key) =>
      (await chrome.storage.session.get(key))[key] as { secrets: { kind: string; value: string }[] },
    `run:${runId}`,
  );
}

async function diskAreas() {
  return f.ext.worker.evaluate(async () => ({
    local: JSON.stringify(await chrome.storage.local.get(null)),
    sync: JSON.stringify(await chrome.storage.sync.get(null)),
  }));
}

describe('Copy as curl is safe to paste, and repeats the request exactly', () => {
  test('pasted into interactive bash with shell-special client ID and secret: the client authenticates, nothing else runs', async () => {
    await authorize(f, SHELL_ID, SHELL_SECRET);
    await logIn(await loginPage(f));
    const page = await waitForPage(f.ext.context, isInspector);
    await expect.poll(() => verdict(page)).toMatch(/^Tokens received/);
    await page.getByRole('button', { name: 'Copy as curl: token request' }).click();
    const command = await pasted(f.ext.context);
    const secrets = Object.fromEntries((await sessionRun(page)).secrets.map((s) => [s.kind, s.value]));
    const bash = await interactiveBash(`${command}\nexit\n`, {
      CLIENT_SECRET: SHELL_SECRET,
      CODE: secrets.code ?? '',
      CODE_VERIFIER: secrets.code_verifier ?? '',
    });
    // The code was spent by the extension: a client that authenticated hears invalid_grant.
    expect(bash).toContain('"error":"invalid_grant"');
    expect(bash).not.toContain('invalid_client');
    expect(existsSync(CANARY)).toBe(false);
  });
});

describe('a hostile provider', () => {
  test('a forged-state callback is refused, and its code reaches neither the disk nor the report', async () => {
    f.tamper = rewriteCallback((params) => params.set('state', 'forged-by-someone-else'));
    try {
      await authorize(f, 'harden-app', SECRET);
      await logIn(await loginPage(f));
    } finally {
      f.tamper = undefined;
    }
    const page = await waitForPage(f.ext.context, isInspector);
    await expect.poll(() => verdict(page)).toMatch(/Failed/);
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/forged or stale callback/);
    const code = (await sessionRun(page)).secrets.find((s) => s.kind === 'code')?.value;
    expect(code).toBeTruthy();
    const areas = await diskAreas();
    expect(areas.local).not.toContain(code);
    expect(areas.sync).not.toContain(code);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download report' }).click(),
    ]);
    const report = readFileSync(await download.path(), 'utf8');
    expect(report).toContain('forged-by-someone-else');
    expect(report).not.toContain(code);
  });

  test('a token endpoint answering 307 is not followed: its target receives nothing', async () => {
    appRequests.length = 0;
    f.tamper = (ctx) => {
      if (ctx.oidc?.route !== 'token') return;
      ctx.status = 307;
      ctx.set('location', `${APP}/token-target`);
      ctx.body = '';
    };
    try {
      await authorize(f, 'harden-app', SECRET);
      await logIn(await loginPage(f));
      const page = await waitForPage(f.ext.context, isInspector);
      await expect.poll(() => verdict(page)).toMatch(/Failed/);
      await expect
        .poll(() => page.getByRole('alert').textContent())
        .toMatch(/token endpoint answered with a redirect, which was not followed/);
    } finally {
      f.tamper = undefined;
    }
    expect(appRequests).toEqual([]);
  });

  test('when discovery moves the token endpoint to an origin not granted, the popup names exactly that origin', async () => {
    const foreign = f.others[0]!.issuer;
    const popup = await openPopup(f.ext.context, f.ext.extensionId, {
      issuer: f.idp.issuer,
      clientId: 'harden-app',
      secret: SECRET,
    });
    await popup.locator('summary', { hasText: 'Endpoints' }).click();
    await popup.getByLabel('JWKS URI').fill(''); // the endpoints are BTG Id's documented paths: discovery may move them
    f.tamper = rewriteDiscovery((doc) => ({ ...doc, token_endpoint: `${foreign}/oauth2/token` }));
    try {
      await popup.getByRole('button', { name: 'Authorize' }).click();
      await expect
        .poll(() => popup.getByRole('alert').textContent())
        .toMatch(`not allowed to contact ${foreign}`);
    } finally {
      f.tamper = undefined;
    }
    await expect
      .poll(() => popup.getByRole('button', { name: `Allow access to ${foreign}` }).count())
      .toBe(1);
    await popup.close();
  });
});

describe('the redirect capture touches only this run’s callback', () => {
  test('another tab opening the app’s redirect URI during a login reaches the app; the login still completes', async () => {
    appRequests.length = 0;
    const popup = await openPopup(f.ext.context, f.ext.extensionId, {
      issuer: f.idp.issuer,
      clientId: 'routed-app',
      secret: SECRET,
    });
    await popup.getByLabel('Redirect URI', { exact: true }).fill(APP_REDIRECT);
    await popup.getByRole('button', { name: 'Authorize' }).click();
    const login = await loginPage(f);
    const tab = await f.ext.context.newPage();
    await tab.goto(`${APP_REDIRECT}?code=the-apps-own&state=the-apps-own`);
    expect(await tab.title()).toBe('The real app');
    const callbacks = () => appRequests.filter((r) => r.startsWith('GET /callback'));
    expect(callbacks()).toEqual(['GET /callback?code=the-apps-own&state=the-apps-own']);
    await tab.close();
    await logIn(login);
    const page = await waitForPage(f.ext.context, isInspector);
    await expect.poll(() => verdict(page)).toMatch(/^Tokens received/);
    expect(callbacks()).toHaveLength(1); // the login's own callback went to the extension
    const rules = await f.ext.worker.evaluate(() => chrome.declarativeNetRequest.getSessionRules());
    expect(rules.filter((r) => r.action.type === 'redirect')).toEqual([]);
  });
});

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
