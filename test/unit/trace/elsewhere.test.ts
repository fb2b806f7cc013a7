import { describe, expect, test } from 'vitest';
import { traceLogins } from '../../../src/trace/analysis/attempts.ts';
import { inEnglish } from '../../support/words.ts';
import { entry, json, read } from '../../support/har-entries.ts';

const notes = (entries: Parameters<typeof read>[0]) =>
  traceLogins(read(entries)).notes.map((n) => inEnglish(n));
const form = (text: string) => ({ postData: { mimeType: 'application/x-www-form-urlencoded', text } });
const html = (text: string) => ({ content: { mimeType: 'text/html', text } });

describe('what a recording shows besides OAuth logins (values invented, shapes of real exports)', () => {
  test('a SAML sign-in with a wrong password at Entra: no OAuth login, the SAML named, the AADSTS code read from the page', () => {
    const tenant = 'https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555';
    const page = `<html><script>$Config=${JSON.stringify({ sErrorCode: '50126', iErrorCode: 50126 })};</script></html>`;
    const trace = traceLogins(
      read([
        entry(
          'GET',
          `${tenant}/saml2?SAMLRequest=fZJNT8MwDIb%2FSuT7&RelayState=x`,
          200,
          {},
          html('<html></html>'),
        ),
        entry(
          'POST',
          `${tenant}/login`,
          200,
          form('login=ana%40example.test&loginfmt=ana%40example.test&passwd=guess&flowToken=abc'),
          html(page),
        ),
      ]),
    );
    expect(trace.attempts).toEqual([]);
    expect(trace.notes.map((n) => inEnglish(n))).toEqual([
      `A SAML 2.0 sign-in (${tenant}/saml2), not OAuth or OpenID Connect: its requests are not checked here.`,
      'A password was posted to the identity provider’s own sign-in at login.microsoftonline.com (HTTP 200): login.microsoftonline.com showed its own error, AADSTS50126.',
    ]);
  });

  test('an embedded login (OAuth parameters posted with the password) is the provider’s, not the app’s server', () => {
    const body = JSON.stringify({
      client_id: 'c1',
      redirect_uri: 'https://app.example/cb',
      response_type: 'code',
      state: 's',
      username: 'ana',
      password: 'x',
    });
    expect(
      notes([
        entry(
          'POST',
          'https://auth.example.com/login',
          401,
          { postData: { mimeType: 'application/json', text: body } },
          json({ code: 'invalid_user_password', description: 'Wrong email or password.' }),
        ),
      ]),
    ).toEqual([
      expect.stringMatching(
        /^A password was posted to the identity provider’s own sign-in at auth\.example\.com \(HTTP 401\): /,
      ),
    ]);
    // Firebase / Google Identity Platform, Okta's authn API: the provider's own sign-in, not the app's server.
    expect(
      notes([
        entry(
          'POST',
          'https://identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=k',
          200,
          {
            postData: {
              mimeType: 'application/json',
              text: '{"email":"a@b.example","password":"x","returnSecureToken":true}',
            },
          },
          json({ idToken: 'i', refreshToken: 'r' }),
        ),
        entry(
          'POST',
          'https://tenant.okta.example/api/v1/authn',
          401,
          { postData: { mimeType: 'application/json', text: '{"username":"a","password":"x"}' } },
          json({ errorCode: 'E0000004', errorSummary: 'Authentication failed' }),
        ),
      ]),
    ).toEqual([
      'A password was posted to the identity provider’s own sign-in at identitytoolkit.googleapis.com (HTTP 200) and tokens came back.',
      'A password was posted to the identity provider’s own sign-in at tenant.okta.example (HTTP 401): tenant.okta.example showed its own error, E0000004: “Authentication failed”.',
    ]);
    // The same password posted to the app's own API is the app's server.
    expect(
      notes([
        entry(
          'POST',
          'https://app.example/api/login',
          200,
          { postData: { mimeType: 'application/json', text: '{"email":"a","password":"x"}' } },
          json({ token: 't' }),
        ),
      ]),
    ).toEqual([
      expect.stringMatching(
        /^A login through the app’s own server: a password was posted to https:\/\/app\.example\/api\/login/,
      ),
    ]);
  });

  test('discovery blocked by CORS before any login (Chrome writes _error on the response): each URL named once', () => {
    const url = 'https://idp.example/am/oauth2/.well-known/openid-configuration';
    const at = (e: ReturnType<typeof entry>, response: object) => ({
      ...e,
      response: { headers: [], ...response },
    });
    const entries = [
      at(entry('GET', url, 0), { status: 0, _error: 'net::ERR_FAILED' }),
      entry('OPTIONS', url, 405),
      at(entry('GET', url, 200), { status: 200, _error: 'net::ERR_FAILED' }),
    ];
    const trace = traceLogins(read(entries as Parameters<typeof read>[0]));
    expect(trace.notes.map((n) => inEnglish(n))).toEqual([
      `Before any login began: GET ${url} went nowhere. The browser did not complete the discovery document (net::ERR_FAILED): its CORS preflight (OPTIONS) was answered HTTP 405, so the request itself was never sent.`,
    ]);
  });

  test('an app request that never got an answer before any login; a cancelled navigation is no failure', () => {
    const refused = {
      ...entry('POST', 'https://api.app.example/session', 0),
      response: { status: 0, headers: [], _error: 'net::ERR_CONNECTION_REFUSED' },
    };
    const aborted = {
      ...entry('GET', 'https://app.example/home', 0),
      response: { status: 0, headers: [], _error: 'net::ERR_ABORTED' },
    };
    // A beacon to another site (telemetry) that failed is not the app's request.
    const beacon = {
      ...entry('POST', 'https://events.telemetry.example/collect?apikey=k', 0),
      response: { status: 0, headers: [], _error: 'net::ERR_CONNECTION_CLOSED' },
    };
    expect(notes([aborted, beacon, refused] as Parameters<typeof read>[0])).toEqual([
      'Before any login began: POST https://api.app.example/session got no answer (net::ERR_CONNECTION_REFUSED): the app’s own request failed, so the login never started.',
    ]);
  });
});
