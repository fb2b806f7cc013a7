import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { pasted } from '../../dev/pages.ts';
import { rewriteCallback } from '../support/tamper.ts';
import { entriesOf, traceFixture } from '../support/trace-pages.ts';
import { traceLogins } from '../../src/trace/analysis/attempts.ts';

const { f, recordLogin, recordSpa, traceOf, diagnoses, checkRow } = await traceFixture();

describe('the Trace page', () => {
  test('a recorded login of a server-side app: found, its front channel checked, the missing token call explained', async () => {
    const har = await recordLogin('state-recorded-1');
    const page = await f.ext.context.newPage();
    await page.goto(`chrome-extension://${f.ext.extensionId}/src/trace/index.html`);
    await page.getByLabel('HAR file').setInputFiles(har);
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('1 login attempt found.');
    const heading = `Login of har-app at ${f.idp.issuer}`;
    await expect(page.getByRole('heading', { name: heading }).count()).resolves.toBe(1);
    const checks = page.getByRole('table', { name: 'Trace checks' });
    for (const title of ['State echoed in the callback', 'Callback names the issuer (iss)', 'PKCE S256 used'])
      expect(await checks.getByRole('row', { name: title }).textContent()).toMatch(/pass/);
    // PKCE was sent, as a browser app sends it: the diagnosis says the code was never redeemed here.
    await expect(
      page.getByText(/^No token request for this code in the recording: the login used PKCE/).count(),
    ).resolves.toBe(1);

    // The code the recorded callback carried is in the HAR; the redacted copy holds it nowhere, and still parses.
    const recorded = JSON.parse(readFileSync(har, 'utf8')) as {
      log: { entries: { request: { url: string } }[] };
    };
    const callback = recorded.log.entries
      .map((e) => new URL(e.request.url))
      .find((u) => u.searchParams.has('code'));
    const code = callback!.searchParams.get('code')!;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download redacted HAR' }).click(),
    ]);
    const redacted = readFileSync(await download.path(), 'utf8');
    expect(readFileSync(har, 'utf8')).toContain(code);
    expect(redacted).not.toContain(code);
    expect((JSON.parse(redacted) as { log: { entries: unknown[] } }).log.entries).toHaveLength(
      recorded.log.entries.length,
    );

    await page.getByRole('button', { name: 'Copy report' }).click();
    const report = await pasted(f.ext.context);
    expect(report).toContain('## Login 1: `har-app` at `' + f.idp.issuer + '`');
    expect(report).toMatch(/\| ✓ pass \| State echoed in the callback \|/);
    expect(report).not.toContain(code);
    await page.close();
  });

  // Real DevTools cannot be driven headless here: the panel page runs in a tab, with chrome.devtools.network
  // defined from a recorded HAR by an init script, as DevTools would hand it the inspected tab's log.

  test('a file that is not a HAR gets a clear message', async () => {
    const page = await f.ext.context.newPage();
    await page.goto(`chrome-extension://${f.ext.extensionId}/src/trace/index.html`);
    await page
      .getByLabel('HAR file')
      .setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"a":1}') });
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toMatch(/^notes\.json: This is not a HAR file/);
    await page.close();
  });

  test('a HAR dropped on the page is read like one chosen', async () => {
    const page = await f.ext.context.newPage();
    await page.goto(`chrome-extension://${f.ext.extensionId}/src/trace/index.html`);
    const dropped = await page.evaluateHandle(() => {
      const data = new DataTransfer();
      data.items.add(new File(['{"log":{"entries":[]}}'], 'empty.har', { type: 'application/json' }));
      return data;
    });
    // Where to drop is shown, and how to save a HAR in each browser.
    await expect(page.getByText('Drop a HAR file here, or choose one:').isVisible()).resolves.toBe(true);
    await page.getByText('How to save a HAR').click();
    await expect(
      page.getByText(/^Chrome and Edge: .*Export HAR \(with sensitive data\)/).isVisible(),
    ).resolves.toBe(true);
    await page.locator('main').dispatchEvent('drop', { dataTransfer: dropped });
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toBe('No OAuth or OpenID Connect login in this HAR. Hosts seen: none.');
    await page.close();
  });

  test('a recorded browser app with PKCE, redeeming the code in the page: every check passes, no secret leaves', async () => {
    const har = await recordSpa('ok');
    const page = await traceOf(har);
    await expect(page.getByRole('status').first().textContent()).resolves.toBe('1 login attempt found.');
    await expect(
      page.getByRole('heading', { name: `Login of spa-app at ${f.idp.issuer}` }).count(),
    ).resolves.toBe(1);
    for (const title of [
      'State echoed in the callback',
      'Callback names the issuer (iss)',
      'PKCE S256 used',
      'PKCE verifier matches the challenge',
      'Same redirect_uri in the token request',
      'ID token nonce is the one sent',
      'No tokens in a URL',
    ])
      expect(await checkRow(page, title), title).toMatch(/pass/);
    // Keys recorded in the file are no proof (a crafted HAR can carry its own): a warn, and the
    // provider's keys offered to fetch live.
    expect(await checkRow(page, 'ID token signature against the issuer’s JWKS in the recording')).toMatch(
      /warn.*verified with keys recorded in this file/,
    );
    await expect(
      page
        .getByRole('button', {
          name: `Fetch the provider’s keys from ${f.idp.issuer} to check the signature`,
        })
        .count(),
    ).resolves.toBe(1);
    expect(await diagnoses(page)).toEqual([]);
    await expect(page.getByRole('table', { name: 'id_token claims' }).count()).resolves.toBe(1);

    // Every secret the login carried (the code, the verifier, the tokens) is gone from the redacted copy.
    const text = readFileSync(har, 'utf8');
    const entries = (JSON.parse(text) as { log: { entries: HarEntryLike[] } }).log.entries;
    const token = entries.find(
      (e) => e.request.method === 'POST' && e.request.postData?.text?.includes('code='),
    );
    const form = new URLSearchParams(token!.request.postData!.text);
    const answer = JSON.parse(token!.response.content!.text!) as Record<string, string>;
    const secrets = [form.get('code')!, form.get('code_verifier')!, answer.access_token!, answer.id_token!];
    for (const secret of secrets) expect(text).toContain(secret);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download redacted HAR' }).click(),
    ]);
    const redacted = readFileSync(await download.path(), 'utf8');
    // The password typed at the provider's login form too; the ID token keeps its claims.
    expect(text).toContain('password=any+password');
    for (const secret of [...secrets, 'any password', encodeURIComponent('any password')])
      expect(redacted).not.toContain(secret);
    expect(redacted).toContain(answer.id_token!.split('.').slice(0, 2).join('.'));
    expect((JSON.parse(redacted) as { log: { entries: unknown[] } }).log.entries).toHaveLength(
      entries.length,
    );
    // What was removed, counted; the copy's own trace still finds the same login.
    const removed = page.getByRole('list', { name: 'What was removed' });
    await expect(removed.getByRole('listitem').allTextContents()).resolves.toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Passwords: [1-9]/),
        expect.stringMatching(/^Authorization codes: [1-9]/),
      ]),
    );
    expect(traceLogins(entriesOf(redacted)).attempts.map((a) => a.clientId)).toEqual(
      traceLogins(entriesOf(text)).attempts.map((a) => a.clientId),
    );
    // Personal data stays unless asked; asked, the name typed at the provider's login form goes too.
    await expect(removed.getByRole('listitem').allTextContents()).resolves.toContain('Personal data: 0');
    await page
      .getByRole('checkbox', { name: 'Remove personal data (e-mail addresses, phone numbers, names)' })
      .check();
    await expect
      .poll(() => removed.getByRole('listitem').allTextContents())
      .toContainEqual(expect.stringMatching(/^Personal data: [1-9]/));
    await page.close();
  });

  test('a HAR without the provider’s keys: the signature is checked once the person lets the extension fetch them', async () => {
    const page = await traceOf(await recordSpa('no-jwks'));
    expect(await checkRow(page, 'ID token signature against the issuer’s JWKS in the recording')).toMatch(
      /skip/,
    );
    const served = (route: string) => f.idp.handlingMs.filter((h) => h.route === route).length;
    const before = { discovery: served('discovery'), jwks: served('jwks') };
    await page
      .getByRole('button', { name: `Fetch the provider’s keys from ${f.idp.issuer} to check the signature` })
      .click();
    // The provider is on loopback, which the extension may reach unasked: each exact URL is shown and
    // confirmed first, and nothing is sent before.
    const discovery = `${f.idp.issuer}/.well-known/openid-configuration`;
    const confirmDiscovery = page.getByRole('button', { name: `Fetch from ${discovery}`, exact: true });
    await confirmDiscovery.waitFor();
    expect(served('discovery')).toBe(before.discovery);
    await confirmDiscovery.click();
    const confirmJwks = page.getByRole('button', { name: `Fetch from ${f.idp.issuer}/jwks`, exact: true });
    await confirmJwks.waitFor();
    expect([served('discovery'), served('jwks')]).toEqual([before.discovery + 1, before.jwks]);
    await confirmJwks.click();
    await expect
      .poll(() =>
        page
          .getByRole('table', { name: 'Trace checks' })
          .getByRole('row', { name: /fetched now/ })
          .count(),
      )
      .toBe(1);
    expect(await checkRow(page, 'ID token signature against the provider’s JWKS, fetched now')).toMatch(
      new RegExp(`pass.*keys from ${f.idp.issuer}/jwks`),
    );
    await page.close();
  });

  test('recorded failures, each explained: another redirect_uri, a code used twice, a tampered state, a refused consent', async () => {
    const elsewhere = await traceOf(await recordSpa('other-redirect'));
    expect(await checkRow(elsewhere, 'Same redirect_uri in the token request')).toMatch(/fail/);
    expect(await diagnoses(elsewhere)).toEqual([
      // Our words, and the provider's own beside them.
      'The token endpoint answered invalid_grant: the redirect_uri differs from the authorize request’s. The provider says: “grant request is invalid”.',
    ]);
    await elsewhere.close();

    const twice = await traceOf(await recordSpa('twice'));
    expect(await diagnoses(twice)).toEqual([
      'The code was redeemed 2 times: a code is single-use (RFC 6749 §4.1.2), and the provider answered the repeat with HTTP 400.',
    ]);
    await twice.close();

    f.tamper = rewriteCallback((params) => params.set('state', 'forged-state'));
    let forgedHar: string;
    try {
      forgedHar = await recordLogin('state-sent');
    } finally {
      f.tamper = undefined;
    }
    const forged = await traceOf(forgedHar);
    expect(await checkRow(forged, 'State echoed in the callback')).toMatch(/fail/);
    expect(await diagnoses(forged)).toEqual([
      'The callback’s state is not the one the authorize request sent: a forged or stale callback, whose code must not be redeemed (RFC 6749 §10.12).',
    ]);
    await forged.close();

    const refused = await traceOf(await recordLogin('state-refused', 'cancel'));
    expect(await diagnoses(refused)).toEqual([
      'The provider answered access_denied: The user (or a policy) refused the consent or the login. The provider says: “End-User aborted interaction”.',
    ]);
    await refused.close();
  });
});

interface HarEntryLike {
  request: { method: string; postData?: { text?: string } };
  response: { content?: { text?: string } };
}
