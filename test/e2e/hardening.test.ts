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
import { authorize, flowFixture, isInspector, loginPage, verdict } from '../support/flow-fixture.ts';
import { rewriteCallback, rewriteDiscovery } from '../support/tamper.ts';

/** A hostile provider, a pasted command, a second tab, a full storage area: none may hurt the user. */
const SECRET = 'hardening-secret-0123456789abcdef';
const scratch = mkdtempSync(join(tmpdir(), 'aci-harden-'));
const CANARY = join(scratch, 'ran');
// Every character a shell treats specially, and commands that must never run when pasted.
const SHELL_ID = `shell!#'"$\\\`()*~:%+&;|<>app $(touch ${CANARY})`;
const SHELL_SECRET = `s!#'"$\\\`()*~:%+&;|<> \\$(touch ${CANARY})\`touch ${CANARY}\``;

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
