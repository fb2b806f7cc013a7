import { describe, expect, test } from 'vitest';
import { readProviderError, refusalCause } from '../../../../src/core/protocol/provider-error.ts';

/** Each provider's answer in the shape its real page has (markup trimmed to what carries the error). */
const OIDC_PROVIDER = `<!DOCTYPE html>
    <html>
    <head>
      <meta charset="utf-8">
      <title>oops! something went wrong</title>
      <style>h1{font-weight:100}pre{white-space:pre-wrap}</style>
    </head>
    <body>
      <div class="container">
        <h1>oops! something went wrong</h1>
        <pre><strong>error</strong>: invalid_redirect_uri</pre><pre><strong>error_description</strong>: redirect_uri did not match any of the client&#39;s registered redirect_uris</pre>
      </div>
    </body>
    </html>`;

const ENTRA = `<!DOCTYPE html><html dir="ltr" lang="en"><head><title>Sign in to your account</title>
<script type="text/javascript" nonce="abc">//<![CDATA[
$Config={"iMaxStackForKnockoutAsyncComponents":10000,"strServiceExceptionMessage":"AADSTS50011: The redirect URI \\u0027https://app.example.test/cb\\u0027 specified in the request does not match the redirect URIs configured for the application \\u002700000000-1111-2222-3333-444444444444\\u0027. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal.","sErrorCode":"50011","iErrorCode":50011,"sCorrelationId":"5f0c"};
//]]></script></head><body><div id="login"></div></body></html>`;

const KEYCLOAK = `<!DOCTYPE html><html class="login-pf"><head><title>Sign in to demo</title></head><body>
<div id="kc-content"><div id="kc-content-wrapper">
  <div id="kc-error-message">
    <p class="instruction">Ungültiger Parameter: redirect_uri</p>
  </div>
</div></div></body></html>`;

const OKTA_JSON = JSON.stringify({
  errorCode: 'E0000022',
  errorSummary: 'The endpoint does not support the provided HTTP method',
  errorLink: 'E0000022',
  errorId: 'oae3iIHDFbUQaOJyPWEhcEyfg',
  errorCauses: [],
});

const AUTH0_ERROR_URL =
  'https://tenant.eu.auth0.com/error?error=unauthorized_client&error_description=Callback%20URL%20mismatch.%20https%3A%2F%2Fapp.example.test%2Fcb%20is%20not%20in%20the%20list%20of%20allowed%20callback%20URLs&tracking=1a2b';

const FORGEROCK = JSON.stringify({
  code: 400,
  reason: 'Bad Request',
  message: 'Invalid client_id: smaple-app',
});

describe('provider error pages, one reader', () => {
  test('oidc-provider’s page: the error and its description on lines of their own', () => {
    const found = readProviderError({
      url: 'http://127.0.0.1:4010/oauth2/authorize',
      status: 400,
      body: OIDC_PROVIDER,
    });
    expect(found).toEqual({
      error: 'invalid_redirect_uri',
      description: "redirect_uri did not match any of the client's registered redirect_uris",
    });
    expect(refusalCause(found!)).toBe('redirect_uri');
  });

  test('Microsoft Entra: the AADSTS code from $Config, its message, and Microsoft’s error lookup', () => {
    const found = readProviderError({
      url: 'https://login.microsoftonline.com/t/oauth2/v2.0/authorize',
      status: 200,
      body: ENTRA,
    });
    expect(found?.error).toBe('AADSTS50011');
    expect(found?.description).toMatch(/^The redirect URI 'https:\/\/app\.example\.test\/cb' specified/);
    expect(found?.reference).toBe('https://login.microsoftonline.com/error?code=50011');
    expect(refusalCause(found!)).toBe('redirect_uri');
    expect(
      refusalCause({ error: 'AADSTS700016', description: 'Application with identifier x was not found' }),
    ).toBe('client');
  });

  test('Keycloak’s page, in the realm’s language; Okta’s JSON with its reference; Auth0’s error URL; ForgeRock’s JSON', () => {
    const kc = readProviderError({
      url: 'https://kc.example.test/realms/demo/protocol/openid-connect/auth',
      status: 400,
      body: KEYCLOAK,
    });
    expect(kc).toEqual({ error: 'Keycloak', description: 'Ungültiger Parameter: redirect_uri' });
    expect(refusalCause(kc!)).toBe('redirect_uri');
    const okta = readProviderError({
      url: 'https://acme.okta.com/oauth2/v1/authorize',
      status: 405,
      body: OKTA_JSON,
    });
    expect(okta?.error).toBe('E0000022');
    expect(okta?.reference).toMatch(/^https:\/\/developer\.okta\.com\//);
    const auth0 = readProviderError({
      url: AUTH0_ERROR_URL,
      status: 200,
      body: '<html><body>Oops!</body></html>',
    });
    expect(auth0?.error).toBe('unauthorized_client');
    expect(refusalCause(auth0!)).toBe('redirect_uri');
    const fr = readProviderError({
      url: 'https://am.example.test/am/oauth2/authorize',
      status: 400,
      body: FORGEROCK,
    });
    expect(fr).toEqual({ error: 'Bad Request', description: 'Invalid client_id: smaple-app' });
    expect(refusalCause(fr!)).toBe('client');
  });

  test('an unknown client in RFC 6749’s JSON, and in words', () => {
    const json = JSON.stringify({ error: 'invalid_client', error_description: 'client is invalid' });
    const found = readProviderError({ url: 'https://op.example.test/authorize', status: 400, body: json });
    expect(refusalCause(found!)).toBe('client');
    expect(refusalCause({ error: 'invalid_request', description: 'Client not found' })).toBe('client');
    expect(
      refusalCause({ error: 'access_denied', description: 'The user denied the request' }),
    ).toBeUndefined();
  });

  test('a login page, an API’s 200 with an "error" field and a script that says error: name nothing', () => {
    const login = `<html><head><title>Sign in</title><script>var handlers = {
error: function (e) { console.log(e) } };</script></head><body><form method="post"><input name="login"></form></body></html>`;
    expect(
      readProviderError({ url: 'https://op.example.test/interaction/1', status: 200, body: login }),
    ).toBeUndefined();
    const api = JSON.stringify({ error: 'none_yet', items: [] });
    expect(readProviderError({ url: 'https://op.example.test/api', status: 200, body: api })).toBeUndefined();
    expect(readProviderError({ url: 'https://op.example.test/x', status: 500, body: '' })).toBeUndefined();
  });
});
