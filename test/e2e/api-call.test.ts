import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { actionsFixture } from '../support/actions-fixture.ts';

/*
 * Call an API: a resource server on loopback, started here, nobody's code but this test's: 200 JSON on
 * one path, 403 insufficient_scope on another; it records the headers each request carried.
 */
const { f, loggedIn } = actionsFixture();
const seen: { path: string; headers: IncomingHttpHeaders }[] = [];
let api: Server;
let base = '';

beforeAll(async () => {
  api = createServer((req, res) => {
    seen.push({ path: req.url ?? '', headers: req.headers });
    const echo = req.headers['x-fapi-interaction-id'];
    if (req.url === '/accounts') {
      res.writeHead(200, {
        'content-type': 'application/json',
        ...(typeof echo === 'string' ? { 'x-fapi-interaction-id': echo } : {}),
      });
      res.end('{"data":{"accounts":[{"id":"acc-1","currency":"BRL"}]}}');
    } else {
      res.writeHead(403, {
        'content-type': 'application/json',
        'www-authenticate': 'Bearer error="insufficient_scope", scope="payments"',
      });
      res.end('{"error":"insufficient_scope"}');
    }
  });
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => api.close(() => resolve())));

const form = (page: Page) => page.getByRole('region', { name: 'Call an API' });
const apiSteps = (page: Page) =>
  page
    .locator('section', { has: page.getByRole('heading', { name: 'Exchange' }) })
    .getByRole('heading', { name: 'API call', exact: true });

describe('Call an API with the run’s access token', () => {
  test('a 200 shown formatted with its checks; a 403 insufficient_scope explained with the scope wanted; bad input refused', async () => {
    const page = await loggedIn();
    const call = form(page);
    await call.getByLabel('URL').fill(`${base}/accounts`);
    await call.getByLabel('Send x-fapi-interaction-id').check();
    await call.getByRole('button', { name: 'Add a header' }).click();
    await call.getByLabel('Header 1 Name').fill('x-api-key');
    await call.getByLabel('Header 1 Value').fill('k-123456');
    await call.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => apiSteps(page).count()).toBe(1);
    await expect
      .poll(() => page.getByLabel('API response body (formatted)').textContent())
      .toContain('"currency": "BRL"');
    const checks = page.getByRole('table', { name: 'API call checks' });
    expect(await checks.getByRole('row').allTextContents()).toEqual([
      'StatusCheckExpectedActualRule',
      expect.stringMatching(/^✓ passAPI answers 2xx/),
      expect.stringMatching(/^✓ passAPI echoes x-fapi-interaction-id/),
    ]);
    // The API got the run's access token as a Bearer header: one the provider issued and still holds.
    const [got] = seen;
    const token = /^Bearer (\S+)$/.exec(got?.headers.authorization ?? '')?.[1];
    expect(token).toBeDefined();
    expect(await f.idp.provider.AccessToken.find(token!)).toBeDefined();
    expect(got?.headers['x-api-key']).toBe('k-123456');
    expect(got?.headers['x-fapi-interaction-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab]/);

    await call.getByLabel('URL').fill(`${base}/payments`);
    await call.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => apiSteps(page).count()).toBe(2);
    const alert = page.getByRole('alert').filter({ hasText: 'The API answered HTTP 403' });
    await expect.poll(() => alert.count()).toBe(1);
    expect(await alert.textContent()).toMatch(
      /insufficient_scope.*wants scope “payments”; the token was granted “openid[^”]*”, so “payments” is missing/,
    );

    // Bad input: said in an alert, nothing sent, nothing else on the page changed.
    const before = seen.length;
    await call.getByLabel('URL').fill('ftp://127.0.0.1/x');
    await call.getByLabel('Header 1 Name').fill('Authorization');
    await call.getByLabel('Header 1 Value').fill('Bearer mine');
    await call.getByRole('button', { name: 'Send' }).click();
    const refused = call.getByRole('alert');
    await expect.poll(() => refused.textContent()).toMatch(/API URL.*ftp:/);
    expect(await refused.textContent()).toMatch(/Header 1: Authorization is set by the run/);
    expect(seen.length).toBe(before);
    expect(await apiSteps(page).count()).toBe(2);

    // The last requests, for this profile, without the credential-like header's value.
    await page.reload();
    await form(page).getByText('Recent requests (2)').click();
    await form(page)
      .getByRole('button', { name: `Use GET ${base}/accounts` })
      .click();
    expect(await form(page).getByLabel('URL').inputValue()).toBe(`${base}/accounts`);
    expect(await form(page).getByLabel('Header 1 Name').inputValue()).toBe('x-api-key');
    expect(await form(page).getByLabel('Header 1 Value').inputValue()).toBe('');
  });
});
