import { describe, expect, test } from 'vitest';
import { traceLogins } from '../../../src/trace/analysis/attempts.ts';
import { inEnglish } from '../../support/words.ts';
import { APP, authorize, entry, json, OP, read, said, statuses, token } from '../../support/har-entries.ts';

describe('logins and token requests in every shape the file may hold them', () => {
  test('PAR (RFC 9126): the authorization request holds only client_id and request_uri; the pushed request the rest', () => {
    const uri = 'urn:ietf:params:oauth:request_uri:6esc_11ACC5bwc014ltc14eY22c';
    const [attempt] = traceLogins(
      read([
        entry(
          'POST',
          `${OP}/par`,
          201,
          {
            postData: {
              mimeType: 'application/x-www-form-urlencoded',
              text: `response_type=code&client_id=par-app&redirect_uri=${encodeURIComponent(APP)}&state=ps&code_challenge=c&code_challenge_method=S256`,
            },
          },
          json({ request_uri: uri, expires_in: 60 }),
        ),
        entry('GET', `${OP}/authorize?client_id=par-app&request_uri=${encodeURIComponent(uri)}`, 302),
        entry('GET', `${APP}?code=pc&state=ps`, 200),
        token(
          `grant_type=authorization_code&code=pc&redirect_uri=${encodeURIComponent(APP)}&code_verifier=v`,
          200,
          {
            access_token: 'at',
          },
        ),
      ]),
    ).attempts;
    expect(attempt).toMatchObject({ clientId: 'par-app' });
    expect(attempt!.events.map((e) => e.kind)).toEqual(['par', 'authorize', 'callback', 'token']);
    expect(statuses(attempt!.checks)).toMatchObject({
      'trace.state': 'pass',
      'trace.pkce': 'pass',
      'trace.redirect_uri': 'pass',
    });
  });

  test('the way back recorded only as the provider’s redirect (a hop never requested), and as a form_post page never submitted', () => {
    const [viaLocation] = traceLogins(
      read([
        authorize('s1'),
        entry(
          'GET',
          `${OP}/login`,
          302,
          {},
          {
            headers: [{ name: 'Location', value: `${APP}?code=lc&state=s1` }],
          },
        ),
      ]),
    ).attempts;
    expect(statuses(viaLocation!.checks)['trace.state']).toBe('pass');
    expect(said(viaLocation)).not.toMatch(/never came/);
    const page = `<html><body onload="document.forms[0].submit()"><form method="post" action="${APP}"><input type="hidden" name="code" value="fc"/><input type="hidden" name="state" value="s2"/></form></body></html>`;
    const [viaPage] = traceLogins(
      read([
        authorize('s2'),
        entry('POST', `${OP}/login`, 200, {}, { content: { mimeType: 'text/html', text: page } }),
      ]),
    ).attempts;
    expect(statuses(viaPage!.checks)['trace.state']).toBe('pass');
  });

  test('a password grant sent as JSON with no authorization request: a section of its own, warned by RFC 9700 §2.4', () => {
    const trace = traceLogins(
      read([
        entry(
          'POST',
          `${OP}/oauth/token`,
          200,
          {
            headers: [{ name: 'Content-Type', value: 'application/json' }],
            postData: {
              mimeType: 'application/json',
              text: JSON.stringify({
                grant_type: 'password',
                client_id: 'mobile',
                username: 'ana',
                password: 'x',
              }),
            },
          },
          json({ access_token: 'at', token_type: 'Bearer' }),
        ),
        token('grant_type=refresh_token&refresh_token=rt', 400, {
          error: 'invalid_grant',
          error_description: 'Refresh token expired',
        }),
      ]),
    );
    const [password, refresh] = trace.attempts;
    expect(password).toMatchObject({ grant: 'password', clientId: 'mobile', issuer: OP });
    expect(statuses(password!.checks)).toEqual({ 'trace.grant': 'warn' });
    expect(said(password)).toMatch(/grant_type=password\)\. RFC 9700 §2\.4/);
    expect(refresh).toMatchObject({ grant: 'refresh_token' });
    expect(statuses(refresh!.checks)).toEqual({ 'trace.grant': 'pass' });
    expect(said(refresh)).toMatch(/invalid_grant.*“Refresh token expired”/);
  });

  test('a client named only in HTTP Basic is the section’s client', () => {
    const basic = btoa('svc%3Aone:secret');
    const [lone] = traceLogins(
      read(
        [token('grant_type=client_credentials', 200, { access_token: 'at' })].map((e) => ({
          ...e,
          request: { ...e.request, headers: [{ name: 'Authorization', value: `Basic ${basic}` }] },
        })),
      ),
    ).attempts;
    expect(lone).toMatchObject({ grant: 'client_credentials', clientId: 'svc:one' });
  });

  test('a login through the app’s own backend is recognised and said; the provider’s own sign-in form is not', () => {
    const trace = traceLogins(
      read([
        entry(
          'POST',
          'https://app.example/api/auth/login',
          200,
          {
            postData: { mimeType: 'application/json', text: JSON.stringify({ email: 'a@b', Password: 'x' }) },
          },
          json({ authToken: 'opaque', user: { id: 1 } }),
        ),
        authorize('s1'),
        entry('POST', `${OP}/login`, 302, {
          postData: { mimeType: 'application/x-www-form-urlencoded', text: 'login=ana&passwd=x' },
        }),
      ]),
    );
    expect(trace.notes.map((n) => inEnglish(n))).toEqual([
      expect.stringMatching(
        /^A login through the app’s own server: a password was posted to https:\/\/app\.example\/api\/auth\/login \(HTTP 200\) and tokens came back/,
      ),
    ]);
  });

  test('a nonce that is not the one sent gets a diagnosis line', () => {
    const idToken = `eyJhbGciOiJub25lIn0.${btoa(JSON.stringify({ nonce: 'other' })).replace(/=+$/, '')}.`;
    const [attempt] = traceLogins(
      read([
        authorize('s1'),
        entry('GET', `${APP}?code=abc&state=s1`, 200),
        token(
          `grant_type=authorization_code&code=abc&redirect_uri=${encodeURIComponent(APP)}&code_verifier=v`,
          200,
          {
            id_token: idToken,
          },
        ),
      ]),
    ).attempts;
    expect(statuses(attempt!.checks)['trace.nonce']).toBe('fail');
    expect(said(attempt)).toMatch(/nonce is not the one the authorization request sent/);
  });
});
