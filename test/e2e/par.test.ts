import { describe, expect, onTestFinished, test } from 'vitest';
import { redirectUrlFor } from '../../dev/browser.ts';
import { logIn, openPopup, waitForPage } from '../../dev/pages.ts';
import { flowFixture, isInspector, loginPage, submit, verdict } from '../support/flow-fixture.ts';
import { assertionHeader, keyPopup, registerShownKey } from '../support/key-popup.ts';

/*
 * Pushed authorization requests against oidc-provider as a FAPI 2.0 server (PAR required, private_key_jwt,
 * ES256 ID tokens): the key made in the extension, its JWKS registered while the provider runs.
 */
const f = flowFixture(() => [], { fapi: true });

const FAPI_CLIENT = { id_token_signed_response_alg: 'ES256' } as const;

describe('pushed authorization requests (RFC 9126) at a FAPI 2.0 server', () => {
  test('discovery requires PAR: Use PAR locked on; the pushed step, then a window with client_id and request_uri only', async () => {
    const popup = await keyPopup(f, 'fapi-app');
    const usePar = popup.getByLabel('Use PAR (pushed authorization request)');
    await expect.poll(() => usePar.isChecked()).toBe(true);
    expect(await usePar.isDisabled()).toBe(true);
    expect(await popup.getByText(/discovery document requires it/).count()).toBe(1);
    await popup.getByRole('button', { name: 'Generate a key' }).click();
    await expect.poll(() => popup.getByLabel('Public key (JWKS)').count()).toBe(1);
    await registerShownKey(f, 'fapi-app', popup, FAPI_CLIENT);
    await popup.getByLabel('Check against FAPI 2.0 Security Profile').check();
    // Use DPoP comes ticked with it and may be unticked: the popup says what that costs.
    await popup.getByLabel('Use DPoP (sender-constrained tokens)').uncheck();
    expect(await popup.getByText(/the FAPI 2.0 sender-constraint check will fail/).count()).toBe(1);

    const page = await submit(f, popup);
    // Every check but the sender constraint, which only DPoP (or mTLS) gives: the truth about a bearer token.
    await expect
      .poll(() => verdict(page))
      .toMatch(/^Tokens received · 1 check failed: Access token is sender-constrained/);
    const fapiRows = await page
      .getByRole('table', { name: 'FAPI 2.0 checks' })
      .getByRole('row')
      .allTextContents();
    expect(fapiRows.slice(1).filter((r) => !r.startsWith('✓ pass'))).toEqual([
      // EC keys on both sides (ES256): no RSA key to measure.
      expect.stringMatching(/^– skipRSA keys have at least 2048 bits/),
      expect.stringMatching(
        /^✗ failAccess token is sender-constrained.*token_type Bearer: the access token is a bearer token/,
      ),
    ]);
    expect(fapiRows.length).toBe(17);
    const pushedChecks = page.getByRole('table', { name: 'Pushed authorization response checks' });
    expect(await pushedChecks.getByRole('row').allTextContents()).toEqual([
      'StatusCheckExpectedActualRule',
      expect.stringMatching(/^✓ passEndpoint answers 201 with a JSON object/),
      expect.stringMatching(/^✓ passrequest_uri is a string.*urn:ietf:params:oauth:request_uri:/),
      expect.stringMatching(/^✓ passexpires_in is a positive number of seconds/),
    ]);
    // The pushed step carries every parameter; the login window's URL only the client and the reference.
    const pushed = page.getByRole('table', { name: 'Parameters pushed' });
    for (const name of ['redirect_uri', 'code_challenge', 'state', 'nonce'])
      expect(await pushed.getByRole('row', { name: new RegExp(`^${name} `) }).count()).toBe(1);
    const authorize = page.getByRole('table', { name: 'Authorize request parameters' });
    expect(await authorize.getByRole('row').allTextContents()).toEqual([
      'client_idfapi-app',
      expect.stringMatching(/^request_uriurn:ietf:params:oauth:request_uri:/),
    ]);
    expect(await assertionHeader(page, 'Pushed authorization request (PAR)')).toContain('ES256');
  });

  test('a pushed request refused for the assertion’s audience: the run ends there, explained; the retry succeeds', async () => {
    const popup = await keyPopup(f, 'fapi-aud');
    await popup.getByRole('button', { name: 'Generate a key' }).click();
    await expect.poll(() => popup.getByLabel('Public key (JWKS)').count()).toBe(1);
    await registerShownKey(f, 'fapi-aud', popup, FAPI_CLIENT);
    // FAPI 2.0 §5.3.2.1: the issuer, nothing else, as the audience; the PAR endpoint's URL is refused.
    await popup.getByLabel('Assertion audience').selectOption('endpoint');
    onTestFinished(() => popup.close());

    const page = await submit(f, popup, 'Authorize', false);
    await expect.poll(() => verdict(page)).toMatch(/Failed/);
    const alert = (await page.getByRole('alert').first().textContent()) ?? '';
    expect(alert).toMatch(/The pushed authorization request endpoint answered HTTP 401: invalid_client/);
    expect(alert).toMatch(/wants its issuer identifier as the assertion’s audience \(aud\)/);
    // Nothing after the push: no login window was opened, the pushed exchange is kept.
    expect(await page.getByRole('heading', { name: 'Pushed authorization request' }).count()).toBeGreaterThan(
      0,
    );
    await page.getByRole('button', { name: 'Retry with the issuer as audience' }).click();
    await logIn(await loginPage(f));
    const retried = await waitForPage(f.ext.context, isInspector);
    await expect.poll(() => verdict(retried)).toMatch(/^Tokens received/);
  });
});

describe('DPoP (RFC 9449) and signed request objects (RFC 9101) at the FAPI 2.0 server, nonces demanded', () => {
  test('PAR, private_key_jwt, JAR and DPoP: every check passes, the nonce is carried; Refresh and UserInfo prove after the worker restarts', async () => {
    // Discovery says every request must be signed (the provider holds this client to it by registration);
    // each nonce the provider asks for at its token endpoint is counted.
    let nonceAsked = 0;
    f.tamper = (ctx) => {
      if (ctx.oidc?.route === 'discovery')
        ctx.body = { ...(ctx.body as object), require_signed_request_object: true };
      if (ctx.oidc?.route === 'token' && (ctx.body as { error?: unknown }).error === 'use_dpop_nonce')
        nonceAsked += 1;
    };
    onTestFinished(() => {
      f.tamper = undefined;
    });
    const popup = await keyPopup(f, 'fapi-dpop');
    const sign = popup.getByLabel('Sign the authorization request (JAR)');
    await expect.poll(() => sign.isChecked()).toBe(true);
    expect(await sign.isDisabled()).toBe(true);
    await popup.getByRole('button', { name: 'Generate a key' }).click();
    await expect.poll(() => popup.getByLabel('Public key (JWKS)').count()).toBe(1);
    await registerShownKey(f, 'fapi-dpop', popup, { ...FAPI_CLIENT, require_signed_request_object: true });
    // Ticking the FAPI 2.0 check ticks Use DPoP (it may be unticked).
    await popup.getByLabel('Check against FAPI 2.0 Security Profile').check();
    expect(await popup.getByLabel('Use DPoP (sender-constrained tokens)').isChecked()).toBe(true);

    const page = await submit(f, popup);
    await expect.poll(() => verdict(page)).toMatch(/^Tokens received · All \d+ checks passed/);
    const fapiRows = await page
      .getByRole('table', { name: 'FAPI 2.0 checks' })
      .getByRole('row')
      .allTextContents();
    expect(fapiRows.filter((r) => r.startsWith('✓ passAccess token is sender-constrained'))).toHaveLength(1);
    // The provider demands nonces: the token request carried one, asked for in a 400 use_dpop_nonce and
    // sent again (the retry) unless an earlier answer from this origin had handed it over already.
    const tokenProofs = page.getByRole('table', {
      name: /^(Token|Again, with the nonce the provider asked for) DPoP proof claims$/,
    });
    await expect.poll(() => tokenProofs.getByRole('row', { name: /^nonce / }).count()).toBeGreaterThan(0);
    expect(await tokenProofs.getByRole('row', { name: /^htm POST/ }).count()).toBeGreaterThan(0);
    // Pushed: the request object, and beside it what OIDC Core §6.1 wants outside; inside, everything.
    const pushed = page.getByRole('table', { name: 'Parameters pushed' });
    expect(await pushed.getByRole('row').count()).toBe(4);
    for (const name of ['client_id', 'response_type', 'scope', 'request'])
      expect(await pushed.getByRole('row', { name: new RegExp(`^${name} `) }).count()).toBe(1);
    const header = page.getByRole('table', { name: 'Request object header' }).first();
    expect(await header.getByRole('row', { name: /^typ / }).textContent()).toContain('oauth-authz-req+jwt');
    const inside = page.getByRole('table', { name: 'Request object claims' }).first();
    for (const name of [
      'iss',
      'aud',
      'jti',
      'nbf',
      'exp',
      'redirect_uri',
      'code_challenge',
      'state',
      'dpop_jkt',
    ])
      expect(await inside.getByRole('row', { name: new RegExp(`^${name} `) }).count()).toBe(1);
    expect(await inside.getByRole('row', { name: /^aud / }).textContent()).toContain(f.idp.issuer);

    // What the browser does to an idle extension worker, done on purpose: the run's DPoP key is in its
    // session record, so the next worker still proves.
    const cdp = await f.ext.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    const askedBefore = nonceAsked;
    await page.getByRole('button', { name: 'Refresh tokens' }).click();
    await expect.poll(() => page.getByText('Refresh token rotated').count()).toBe(1);
    // A new worker knows no nonce: the provider asked for one (400 use_dpop_nonce) and the retry carried it.
    expect(nonceAsked).toBe(askedBefore + 1);
    await page.getByRole('button', { name: 'Call UserInfo', exact: true }).click();
    const userinfoClaims = page.getByRole('table', {
      name: /^(UserInfo|Again, with the nonce the provider asked for) DPoP proof claims$/,
    });
    await expect.poll(() => userinfoClaims.getByRole('row', { name: /^ath / }).count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('heading', { name: 'UserInfo' }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('alert').count()).toBe(0);
  });
});

describe('a request object refused (RFC 9101 §6.3)', () => {
  test('invalid_request_object at the pushed endpoint: the run ends there, explained, the request object shown', async () => {
    const popup = await keyPopup(f, 'fapi-jar-alg');
    await popup.getByLabel('Sign the authorization request (JAR)').check();
    await popup.getByRole('button', { name: 'Generate a key' }).click();
    await expect.poll(() => popup.getByLabel('Public key (JWKS)').count()).toBe(1);
    // Registered for PS256 request objects; the key signs ES256.
    await registerShownKey(f, 'fapi-jar-alg', popup, { ...FAPI_CLIENT, request_object_signing_alg: 'PS256' });
    onTestFinished(() => popup.close());

    const page = await submit(f, popup, 'Authorize', false);
    await expect.poll(() => verdict(page)).toMatch(/Failed/);
    const alert = (await page.getByRole('alert').first().textContent()) ?? '';
    expect(alert).toMatch(/answered HTTP 400: invalid_request_object/);
    expect(alert).toMatch(/The provider refused the signed request object \(RFC 9101 §6\.3\)/);
    const header = page.getByRole('table', { name: 'Request object header' });
    expect(await header.getByRole('row', { name: /^alg / }).textContent()).toContain('ES256');
  });
});

describe('a provider that requires PAR of one client only (RFC 9126 §5), not in discovery', () => {
  const plain = flowFixture(() => []);

  test('the refusal explained, Retry with PAR succeeds and the setting is kept in the profile', async () => {
    await plain.idp.register({
      client_id: 'par-only',
      redirect_uris: [redirectUrlFor(plain.ext.extensionId)],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
      require_pushed_authorization_requests: true,
    });
    const popup = await openPopup(plain.ext.context, plain.ext.extensionId, {
      issuer: plain.idp.issuer,
      clientId: 'par-only',
      secret: '',
      scopes: 'openid',
    });
    await popup.locator('summary', { hasText: 'Request options' }).click();
    const usePar = popup.getByLabel('Use PAR (pushed authorization request)');
    expect([await usePar.isChecked(), await usePar.isDisabled()]).toEqual([false, false]);
    const page = await submit(plain, popup, 'Authorize', false);
    await expect.poll(() => verdict(page)).toMatch(/Failed/);
    const alert = (await page.getByRole('alert').first().textContent()) ?? '';
    expect(alert).toMatch(/Pushed Authorization Request must be used/);
    expect(alert).toMatch(/This client must push its authorization requests \(RFC 9126 §5\)/);
    await page.getByRole('button', { name: 'Retry with PAR' }).click();
    await logIn(
      await waitForPage(plain.ext.context, (url) => url.startsWith(`${plain.idp.issuer}/interaction/`)),
    );
    const retried = await waitForPage(plain.ext.context, isInspector);
    await expect.poll(() => verdict(retried)).toMatch(/^Tokens received/);
    expect(
      await retried.getByRole('heading', { name: 'Pushed authorization request' }).count(),
    ).toBeGreaterThan(0);
    await retried.getByRole('button', { name: 'Keep this setting in the profile' }).click();
    await popup.reload();
    await popup.locator('summary', { hasText: 'Request options' }).click();
    await expect
      .poll(() => popup.getByLabel('Use PAR (pushed authorization request)').isChecked())
      .toBe(true);
  });
});
