import { describe, expect, test } from 'vitest';
import { traceLogins } from '../../../src/trace/analysis/attempts.ts';
import type { HarEntry } from '../../../src/trace/analysis/har.ts';
import { APP, authorize, entry, json, OP, read, said, statuses } from '../../support/har-entries.ts';

describe('the provider’s own error pages, in its words, with its reference', () => {
  // The page is made after the authorization request, as it came.
  const abandoned = (page: () => HarEntry) => {
    const login = authorize('s1');
    return traceLogins(read([login, page()])).attempts[0];
  };

  test('Microsoft Entra: the AADSTS code from the sign-in page’s $Config, with the error lookup link', () => {
    const config = {
      strServiceExceptionMessage:
        "AADSTS50011: The redirect URI 'https://app.example/cb' specified in the request does not match the redirect URIs configured for the application.",
      iErrorCode: 50011,
    };
    const page = `<!DOCTYPE html><html><head><script>//<![CDATA[\n$Config=${JSON.stringify(config)};\n//]]></script></head><body></body></html>`;
    const attempt = abandoned(() =>
      entry(
        'GET',
        `${OP}/common/oauth2/v2.0/authorize?x=1`,
        400,
        {},
        { content: { mimeType: 'text/html', text: page } },
      ),
    );
    expect(said(attempt)).toBe(
      "op.example showed its own error, AADSTS50011: “The redirect URI 'https://app.example/cb' specified in the request does not match the redirect URIs configured for the application.”.\nThe provider’s error reference: https://login.microsoftonline.com/error?code=50011",
    );
  });

  test('Microsoft Entra with only its sErrorCode (a sign-in loop page): the code, no empty quote', () => {
    const config = {
      sErrorCode: '50196',
      iErrorCode: 50196,
      strMainMessage: 'Eine Anmeldung ist nicht möglich',
    };
    const page = `<html><head><script>$Config=${JSON.stringify(config)};</script></head><body></body></html>`;
    const attempt = abandoned(() =>
      entry('GET', `${OP}/t/reprocess?x=1`, 200, {}, { content: { mimeType: 'text/html', text: page } }),
    );
    expect(said(attempt)).toBe(
      'op.example showed its own error, AADSTS50196.\nThe provider’s error reference: https://login.microsoftonline.com/error?code=50196',
    );
  });

  test('Keycloak’s error page, an Okta refusal, an Auth0 JSON refusal, a ForgeRock answer', () => {
    const kc = abandoned(() =>
      entry(
        'GET',
        `${OP}/realms/demo/protocol/openid-connect/auth?x=1`,
        400,
        {},
        {
          content: {
            mimeType: 'text/html',
            text: '<div id="kc-content"><div class="alert-error"><span id="kc-error-message"><p class="instruction">Invalid parameter: redirect_uri</p></span></div></div>',
          },
        },
      ),
    );
    expect(said(kc)).toBe('op.example showed its own error, Keycloak: “Invalid parameter: redirect_uri”.');
    const okta = abandoned(() =>
      entry(
        'POST',
        `${OP}/api/v1/authn`,
        401,
        {},
        json({
          errorCode: 'E0000004',
          errorSummary: 'Authentication failed',
          errorLink: 'E0000004',
          errorId: 'oae1',
          errorCauses: [],
        }),
      ),
    );
    expect(said(okta)).toMatch(
      /^op\.example showed its own error, E0000004: “Authentication failed”\.\nThe provider’s error reference: https:\/\/developer\.okta\.com\//,
    );
    const auth0 = abandoned(() =>
      entry(
        'POST',
        `${OP}/usernamepassword/login`,
        403,
        {},
        json({ error: 'access_denied', error_description: 'Wrong email or password.' }),
      ),
    );
    expect(said(auth0)).toBe('op.example showed its own error, access_denied: “Wrong email or password.”.');
    const forgeRock = abandoned(() =>
      entry(
        'POST',
        `${OP}/am/json/realms/root/authenticate`,
        401,
        {},
        json({ code: 401, reason: 'Unauthorized', message: 'Login failure' }),
      ),
    );
    expect(said(forgeRock)).toBe('op.example showed its own error, Unauthorized: “Login failure”.');
    // A page with no error of its own: the plain "never came".
    expect(
      said(
        abandoned(() =>
          entry('GET', `${OP}/login`, 200, {}, { content: { mimeType: 'text/html', text: '<form></form>' } }),
        ),
      ),
    ).toMatch(/^The callback never came/);
  });
});

describe('a form_post callback whose cookies were lost (SameSite)', () => {
  const login = (callbackCookie?: string, sameSite = 'Lax') => {
    const setCookie = entry(
      'GET',
      'https://app.example/signin',
      302,
      {},
      {
        headers: [
          { name: 'Set-Cookie', value: `nonce_state=abc; Path=/; Secure; HttpOnly; SameSite=${sameSite}` },
        ],
      },
    );
    const start = authorize('s1');
    const back = entry('POST', APP, 400, {
      headers: callbackCookie ? [{ name: 'Cookie', value: callbackCookie }] : [],
      postData: { mimeType: 'application/x-www-form-urlencoded', text: 'code=fc&state=s1' },
    });
    // Some request of the export carries a Cookie header: this export kept cookies.
    const other = entry('GET', 'https://app.example/app.js', 200, {
      headers: [{ name: 'Cookie', value: 'a=1' }],
    });
    return traceLogins(read([setCookie, start, back, other])).attempts[0];
  };

  test('named when the callback came without them; not when it carried them, nor for SameSite=None cookies', () => {
    expect(said(login())).toMatch(/reached the app without its cookies/);
    expect(said(login('nonce_state=abc'))).not.toMatch(/without its cookies/);
    expect(said(login(undefined, 'None'))).not.toMatch(/without its cookies/);
  });
});

describe('a form_post page encoded as servers encode it', () => {
  test('numeric entities in the action and the values (ASP.NET writes &#x2f; and &#61;) are read', () => {
    const enc = (s: string) => s.replace(/\//g, '&#x2f;').replace(/=/g, '&#61;');
    const page = `<form method="post" action="${enc(APP)}"><input type="hidden" name="state" value="s${enc('=')}"/><input type="hidden" name="code" value="c&amp;1"/></form>`;
    const start = entry(
      'GET',
      `${OP}/authorize?response_type=code&client_id=spa&redirect_uri=${encodeURIComponent(APP)}&state=s%3D`,
      302,
    );
    const [attempt] = traceLogins(
      read([
        start,
        entry('POST', `${OP}/login`, 200, {}, { content: { mimeType: 'text/html', text: page } }),
      ]),
    ).attempts;
    expect(statuses(attempt!.checks)['trace.state']).toBe('pass');
    expect(said(attempt)).not.toMatch(/never came/);
  });
});
