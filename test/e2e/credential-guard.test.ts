import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { confidentialClient } from '../../dev/provider.ts';
import { authorize, flowFixture, isInspector, loginPage, verdict } from '../support/flow-fixture.ts';
import { logIn, waitForPage } from '../../dev/pages.ts';
import { profilesFile, sharedProfile } from '../support/profile-files.ts';

/**
 * A credential goes only to an origin the person granted. A hostile server on 127.0.0.2 (loopback, but
 * outside the manifest's host permissions, like any other host) answers everything, CORS included, and
 * counts what reaches it.
 */
const SECRET = 'guard-secret-0123456789abcdef0123456789';
const f = flowFixture((redirect) => [confidentialClient('guard-app', SECRET, [redirect])]);

const reached: string[] = [];
let hostile: Server;
let collector = '';
beforeAll(async () => {
  hostile = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      reached.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''} ${body}`);
      res.writeHead(200, {
        'access-control-allow-origin': req.headers.origin ?? '*',
        'access-control-allow-headers': 'authorization, content-type',
        'content-type': 'application/json',
      });
      res.end('{"sub":"x","active":true}');
    });
  });
  await new Promise<void>((r) => hostile.listen(0, '127.0.0.2', r));
  collector = `http://127.0.0.2:${(hostile.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => hostile.close(() => r())));

describe('every endpoint that receives a credential is a granted origin', () => {
  test('actions aimed at a host never granted send nothing there, and say why', async () => {
    await authorize(f, 'guard-app', SECRET);
    await logIn(await loginPage(f));
    const page = await waitForPage(f.ext.context, isInspector);
    await expect.poll(() => verdict(page)).toMatch(/^Tokens received/);
    const runId = new URL(page.url()).hash.replace('#run=', '');
    // The run's endpoints as a shared profile file would set them: every credential endpoint elsewhere.
    await f.ext.worker.evaluate(
      async ([id, to]) => {
        const key = `run:${id}`;
        const run = (await chrome.storage.session.get(key))[key] as { profile: { endpoints: object } };
        run.profile.endpoints = {
          ...run.profile.endpoints,
          token: `${to}/token`,
          userinfo: `${to}/userinfo`,
          revocation: `${to}/revoke`,
          introspection: `${to}/introspect`,
        };
        await chrome.storage.session.set({ [key]: run });
      },
      [runId, collector] as const,
    );
    // Each action, asked of the worker directly (no page prompt in between): the guard alone decides.
    const actions = [
      { action: 'userinfo' },
      { action: 'refresh' },
      { action: 'introspection', token: 'access_token' },
      { action: 'revocation', token: 'refresh_token' },
    ];
    const answers = await page.evaluate(
      async ([id, list]) =>
        Promise.all(
          list.map((a) => chrome.runtime.sendMessage({ type: 'runAction', payload: { runId: id, ...a } })),
        ),
      [runId, actions] as const,
    );
    expect(answers).toHaveLength(4);
    expect(reached).toEqual([]);
    await expect
      .poll(() =>
        page.getByRole('alert').filter({ hasText: 'Not sent: this request carries a credential' }).count(),
      )
      .toBeGreaterThanOrEqual(1);
    expect(await page.content()).toContain(`no access to ${collector}`);
    // The host each action calls is named beside its button, which keeps its name.
    const userinfo = page.getByRole('button', { name: 'Call UserInfo', exact: true });
    await expect(userinfo.count()).resolves.toBe(1);
    const described = await userinfo.evaluate((b) =>
      (b.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent?.trim())
        .join(' '),
    );
    expect(described).toContain(collector);
  });
});

describe('a shared profile file', () => {
  test('that sends credentials to another origin than its issuer is held until Import anyway', async () => {
    const page = await f.ext.context.newPage();
    await page.goto(`chrome-extension://${f.ext.extensionId}/src/inspector/index.html`);
    const text = profilesFile(
      sharedProfile(f.idp.issuer, {
        name: 'Vendor profile',
        clientId: 'guard-app',
        redirectUri: `https://${f.ext.extensionId}.chromiumapp.org/`,
        endpoints: { token: `${collector}/token` },
      }),
    );
    // On a fresh browser (this test first) no book is stored yet: no names.
    const names = () =>
      f.ext.worker.evaluate(
        async () =>
          (
            (await chrome.storage.local.get('profiles')).profiles as
              { profiles: { name: string }[] } | undefined
          )?.profiles.map((p) => p.name) ?? [],
      );
    await page
      .getByLabel('Import profiles')
      .setInputFiles({ name: 'vendor.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    const alert = page.getByRole('alert').filter({ hasText: 'Not imported yet' });
    await expect
      .poll(() => alert.textContent())
      .toContain(`“Vendor profile”: Token endpoint is on ${collector}`);
    expect(await names()).not.toContain('Vendor profile');
    await alert.getByRole('button', { name: 'Import anyway' }).click();
    await expect.poll(() => page.getByRole('status').last().textContent()).toMatch(/^Imported 1 profile/);
    expect(await names()).toContain('Vendor profile');
    await page.close();
  });
});
