import { generateKeyPair, SignJWT } from 'jose';
import { describe, expect, test } from 'vitest';
import { traceLogins } from '../../../src/trace/analysis/attempts.ts';
import { inEnglish } from '../../support/words.ts';
import { APP, authorize, entry, json, OP, read, said, token } from '../../support/har-entries.ts';

/** The classes of `failure-classes.md` the trace did not name before, each in the shape its HAR shows. */
const lines = (entries: Parameters<typeof read>[0]) => traceLogins(read(entries));
const location = (to: string) => [{ name: 'Location', value: to }];

describe('failure classes support staff meet, named', () => {
  test('12: a # in the redirect_uri, and a code in the fragment when the query was asked for', () => {
    const hashed = entry(
      'GET',
      authorize('s1').request.url.replace(
        encodeURIComponent(APP),
        encodeURIComponent('https://app.example/#/cb'),
      ),
      302,
    );
    expect(said(lines([hashed]).attempts[0])).toMatch(
      /^The redirect_uri https:\/\/app\.example\/#\/cb holds a fragment \(#\): RFC 6749 §3\.1\.2/m,
    );
    const [login] = lines([
      { ...authorize('s2'), response: { status: 302, headers: location(`${APP}#code=c2&state=s2`) } },
      entry('GET', APP, 200),
    ]).attempts;
    expect(said(login)).toMatch(
      /The code came back in the URL fragment \(#code=…\) although the request asked for the query/,
    );
  });

  test('13: the callback on http redirected to https without its parameters', () => {
    const http = 'http://app.example/cb';
    const login = entry(
      'GET',
      authorize('s1').request.url.replace(encodeURIComponent(APP), encodeURIComponent(http)),
      302,
    );
    const [attempt] = lines([
      login,
      entry('GET', `${http}?code=c1&state=s1`, 301, {}, { headers: location('https://app.example/cb') }),
    ]).attempts;
    expect(said(attempt)).toMatch(
      /^The callback at http:\/\/app\.example\/cb \(http\) was redirected to https:\/\/app\.example\/cb and its parameters did not follow/m,
    );
  });

  test('4: a silent login in an iframe refused after a top-level login succeeded (third-party cookies blocked)', () => {
    // In the order they happened: a top-level login that came back with a code, then the iframe's.
    const first = [authorize('s1'), entry('GET', `${APP}?code=c1&state=s1`, 200)];
    const silent = authorize('s2');
    silent.request.url += '&prompt=none';
    silent.request.headers.push({ name: 'Sec-Fetch-Dest', value: 'iframe' });
    const { attempts } = lines([...first, silent, entry('GET', `${APP}?error=login_required&state=s2`, 200)]);
    expect(said(attempts[1])).toMatch(
      /A silent login \(prompt=none, in an iframe\) was answered login_required although a login at this provider succeeded before it/,
    );
    expect(said(attempts[0])).not.toMatch(/silent/);
  });

  test('9: two refresh requests with the same refresh token moments apart, the second refused', () => {
    const refresh = (status: number, body: object) =>
      token('grant_type=refresh_token&refresh_token=rt-1&client_id=spa', status, body);
    const { attempts } = lines([
      refresh(200, { access_token: 'a2', token_type: 'Bearer' }),
      refresh(400, { error: 'invalid_grant' }),
    ]);
    expect(attempts).toHaveLength(2);
    expect(said(attempts[1])).toMatch(
      /^Two refresh requests used the same refresh token 1000 ms apart \(two tabs or two processes racing\): the provider answered HTTP 200, then HTTP 400\./,
    );
    expect(attempts[1]!.succeeded).toBeUndefined();
    expect(said(attempts[0])).not.toMatch(/Two refresh/);
  });

  test('dynamic client registration (RFC 7591): registered, and refused in the provider’s words', () => {
    const register = (status: number, body: object) =>
      entry(
        'POST',
        `${OP}/reg`,
        status,
        {
          postData: {
            mimeType: 'application/json',
            text: JSON.stringify({ redirect_uris: ['http://localhost:6274/cb'], client_name: 'MCP' }),
          },
        },
        json(body),
      );
    const ok = lines([register(201, { client_id: 'dyn-1', redirect_uris: ['http://localhost:6274/cb'] })]);
    expect(ok.notes.map((n) => inEnglish(n))).toEqual([
      'A dynamic client registration (RFC 7591) at https://op.example/reg registered the client dyn-1.',
    ]);
    const refused = lines([
      register(400, { error: 'invalid_redirect_uri', error_description: 'http is not allowed' }),
    ]);
    expect(refused.problems?.map((p) => inEnglish(p))).toEqual([
      'The dynamic client registration (RFC 7591) at https://op.example/reg was refused (HTTP 400): invalid_redirect_uri http is not allowed',
    ]);
  });

  test('11: an API refusing the access token whose aud is another API', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const at = await new SignJWT({ aud: 'https://other-api.example', sub: 'u' })
      .setProtectedHeader({ alg: 'ES256' })
      .sign(privateKey);
    const call = entry(
      'GET',
      'https://api.example/v1/accounts',
      401,
      { headers: [{ name: 'Authorization', value: `Bearer ${at}` }] },
      { headers: [{ name: 'WWW-Authenticate', value: 'Bearer error="invalid_token"' }] },
    );
    expect(lines([call]).problems?.map((p) => inEnglish(p))).toEqual([
      'https://api.example refused the access token as invalid (401 invalid_token) and the token’s aud is https://other-api.example, not this API: ask for a token for it (RFC 8707’s resource parameter, or the provider’s audience).',
    ]);
    // A token for this API refused for another reason is not this class.
    const right = await new SignJWT({ aud: 'https://api.example' })
      .setProtectedHeader({ alg: 'ES256' })
      .sign(privateKey);
    const other = {
      ...call,
      request: { ...call.request, headers: [{ name: 'Authorization', value: `Bearer ${right}` }] },
    };
    expect(lines([other]).problems).toBeUndefined();
  });

  test('8: a token request the server answered but the browser blocked (Chrome: 200 with _error on the response, no body)', () => {
    const redeem = token(
      `grant_type=authorization_code&code=c1&redirect_uri=${encodeURIComponent(APP)}&code_verifier=v`,
      200,
      {},
    );
    const blocked = { ...redeem, response: { status: 200, headers: [], _error: 'net::ERR_FAILED' } };
    const [login] = lines([
      authorize('s1'),
      entry('GET', `${APP}?code=c1&state=s1`, 200),
      blocked,
    ] as Parameters<typeof read>[0]).attempts;
    expect(said(login)).toMatch(/The browser did not complete the token request \(net::ERR_FAILED\)/);
    expect(login!.succeeded).toBeUndefined();
  });
});
