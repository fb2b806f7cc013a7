import type { Said } from '../../../src/core/i18n/say.ts';
import { describe, expect, test } from 'vitest';
import { traceLogins } from '../../../src/trace/analysis/attempts.ts';
import { withEvidence } from '../../../src/trace/analysis/token-evidence.ts';
import { readHar, type HarEntry } from '../../../src/trace/analysis/har.ts';
import { inEnglish } from '../../support/words.ts';

const OP = 'https://op.example';
const APP = 'https://app.example/cb';
let clock = 0;
const entry = (
  method: string,
  url: string,
  status: number,
  extra: Partial<HarEntry['request']> = {},
  response: Partial<HarEntry['response']> = {},
): HarEntry => ({
  startedDateTime: new Date(Date.UTC(2026, 10, 29, 12, 0, clock++)).toISOString(),
  request: { method, url, headers: [], ...extra },
  response: { status, headers: [], ...response },
});
const json = (body: unknown) => ({ content: { mimeType: 'application/json', text: JSON.stringify(body) } });
const authorize = (state: string) =>
  entry(
    'GET',
    `${OP}/authorize?response_type=code&client_id=spa&redirect_uri=${encodeURIComponent(APP)}&state=${state}&nonce=n1&code_challenge=c&code_challenge_method=S256`,
    302,
  );
const token = (form: string, status: number, body: unknown) =>
  entry(
    'POST',
    `${OP}/token`,
    status,
    { postData: { mimeType: 'application/x-www-form-urlencoded', text: form } },
    json(body),
  );
const har = (entries: HarEntry[]) => JSON.stringify({ log: { version: '1.2', entries } });
const statuses = (checks: { id: string; status: string }[]) =>
  Object.fromEntries(checks.map((c) => [c.id, c.status]));

describe('a HAR’s logins, found without being told the provider', () => {
  test('a browser app with PKCE: one attempt, every passive check passing', () => {
    const { entries } = readHar(
      har([
        entry(
          'GET',
          `${OP}/.well-known/openid-configuration`,
          200,
          {},
          json({ issuer: OP, authorization_response_iss_parameter_supported: true }),
        ),
        authorize('s1'),
        entry('GET', `${APP}?code=abc&state=s1&iss=${encodeURIComponent(OP)}`, 200),
        token(
          `grant_type=authorization_code&code=abc&redirect_uri=${encodeURIComponent(APP)}&code_verifier=v&client_id=spa`,
          200,
          { access_token: 'at', token_type: 'Bearer' },
        ),
      ]),
    ) as { entries: HarEntry[] };
    const { attempts } = traceLogins(entries);
    expect(attempts).toHaveLength(1);
    expect(attempts[0]!.events.map((e) => e.kind)).toEqual(['discovery', 'authorize', 'callback', 'token']);
    expect(attempts[0]).toMatchObject({ clientId: 'spa', issuer: OP, diagnosis: [] });
    expect(statuses(attempts[0]!.checks)).toEqual({
      'trace.state': 'pass',
      'trace.iss': 'pass',
      'trace.pkce': 'pass',
      'trace.redirect_uri': 'pass',
      'trace.nonce': 'skip',
      'trace.no_tokens_in_url': 'pass',
    });
  });

  test('a redirect_uri that differs at the token request: invalid_grant explained, the check fails', () => {
    const { entries } = readHar(
      har([
        authorize('s1'),
        entry('GET', `${APP}?code=abc&state=s1`, 200),
        token(
          `grant_type=authorization_code&code=abc&redirect_uri=${encodeURIComponent('https://app.example/other')}`,
          400,
          { error: 'invalid_grant' },
        ),
      ]),
    ) as { entries: HarEntry[] };
    const [attempt] = traceLogins(entries).attempts;
    expect(statuses(attempt!.checks)['trace.redirect_uri']).toBe('fail');
    expect(attempt!.diagnosis.map((d) => inEnglish(d))).toEqual([
      'The token endpoint answered invalid_grant: the redirect_uri differs from the authorize request’s.',
    ]);
  });

  test('a code redeemed twice is named, and a refusal without its body still says the status', () => {
    const form = `grant_type=authorization_code&code=abc&redirect_uri=${encodeURIComponent(APP)}`;
    const twice = readHar(
      har([
        authorize('s1'),
        entry('GET', `${APP}?code=abc&state=s1`, 200),
        token(form, 200, { access_token: 'at', token_type: 'Bearer' }),
        token(form, 400, { error: 'invalid_grant' }),
      ]),
    ) as { entries: HarEntry[] };
    const [attempt] = traceLogins(twice.entries).attempts;
    expect(attempt!.events.filter((e) => e.kind === 'token')).toHaveLength(2);
    expect(attempt!.diagnosis.map((d) => inEnglish(d))).toEqual([
      'The code was redeemed 2 times: a code is single-use (RFC 6749 §4.1.2), and the provider answered the repeat with HTTP 400.',
    ]);
    const bodiless = readHar(
      har([
        authorize('s1'),
        entry('GET', `${APP}?code=abc&state=s1`, 200),
        entry('POST', `${OP}/token`, 401, {
          postData: { mimeType: 'application/x-www-form-urlencoded', text: form },
        }),
      ]),
    ) as { entries: HarEntry[] };
    expect(traceLogins(bodiless.entries).attempts[0]!.diagnosis.map((d) => inEnglish(d))).toEqual([
      'The token endpoint answered HTTP 401; its body is not in the recording, so the reason is unknown.',
    ]);
  });

  test('a tampered state, a refused consent, a callback that never came, a server-side app', () => {
    const tampered = traceLogins(
      (
        readHar(har([authorize('s1'), entry('GET', `${APP}?code=abc&state=evil`, 200)])) as {
          entries: HarEntry[];
        }
      ).entries,
    );
    expect(statuses(tampered.attempts[0]!.checks)['trace.state']).toBe('fail');
    expect(tampered.attempts[0]!.diagnosis.map((d) => inEnglish(d))).toEqual([
      'The callback’s state is not the one the authorize request sent: a forged or stale callback, whose code must not be redeemed (RFC 6749 §10.12).',
    ]);
    // No token request: without PKCE, a server-side app; with PKCE, as a browser app logs in, never redeemed.
    const noPkce = entry('GET', authorize('s1').request.url.replace(/&code_challenge.*$/, ''), 302);
    const serverSide = traceLogins(
      (
        readHar(har([noPkce, entry('GET', `${APP}?code=abc&state=s1`, 200)])) as {
          entries: HarEntry[];
        }
      ).entries,
    );
    expect(inEnglish(serverSide.attempts[0]!.diagnosis[0])).toMatch(
      /^No token request in the recording: a server-side app/,
    );
    const browserApp = traceLogins(
      (
        readHar(har([authorize('s1'), entry('GET', `${APP}?code=abc&state=s1`, 200)])) as {
          entries: HarEntry[];
        }
      ).entries,
    );
    expect(inEnglish(browserApp.attempts[0]!.diagnosis[0])).toMatch(
      /^No token request for this code in the recording: the login used PKCE/,
    );
    const refused = traceLogins(
      (
        readHar(har([authorize('s2'), entry('GET', `${APP}?error=access_denied&state=s2`, 200)])) as {
          entries: HarEntry[];
        }
      ).entries,
    );
    expect(refused.attempts[0]!.diagnosis.map((d) => inEnglish(d))).toEqual([
      'The provider answered access_denied: The user (or a policy) refused the consent or the login.',
    ]);
    const abandoned = traceLogins((readHar(har([authorize('s3')])) as { entries: HarEntry[] }).entries);
    expect(inEnglish(abandoned.attempts[0]!.diagnosis[0])).toMatch(/^The callback never came/);
  });

  test('fragment parameters are read from the Location that led to the callback', () => {
    const { entries } = readHar(
      har([
        authorize('s1'),
        entry(
          'GET',
          `${OP}/resume`,
          302,
          {},
          { headers: [{ name: 'Location', value: `${APP}#access_token=leak&state=s1` }] },
        ),
        entry('GET', APP, 200),
      ]),
    ) as { entries: HarEntry[] };
    expect(statuses(traceLogins(entries).attempts[0]!.checks)['trace.no_tokens_in_url']).toBe('fail');
  });

  test('a file that is not a HAR, and a HAR with no login, say so', () => {
    expect(readHar('{"hello":1}')).toEqual({ error: { say: { id: 'notHar', subs: [] } } });
    expect(inEnglish((readHar('{"hello":1}') as { error: Said }).error)).toBe(
      'This is not a HAR file: it has no "log.entries" list (save it from DevTools with "Save all as HAR").',
    );
    expect(inEnglish((readHar('nope') as { error: Said }).error)).toMatch(/^The file is not JSON/);
    const none = traceLogins(
      (readHar(har([entry('GET', 'https://cdn.example/a.js', 200)])) as { entries: HarEntry[] }).entries,
    );
    expect(none).toMatchObject({ attempts: [], hosts: ['cdn.example'] });
  });
});

describe('login shapes real apps send', () => {
  test('percent-encoded parameter names, a hybrid response type and form_post: found, and its state read from the posted form', () => {
    const { entries } = readHar(
      har([
        entry(
          'GET',
          `${OP}/authorize?client%5Fid=web&response%5Ftype=code%20id_token&response%5Fmode=form_post&redirect%5Furi=${encodeURIComponent(APP)}&state=s9&nonce=n9`,
          200,
        ),
        entry('POST', APP, 302, {
          postData: {
            mimeType: 'application/x-www-form-urlencoded',
            text: 'code=hybrid-code&id_token=eyJhbGciOiJub25lIn0.eyJub25jZSI6Im45In0.&state=s9&session_state=x',
          },
        }),
      ]),
    ) as { entries: HarEntry[] };
    const [attempt] = traceLogins(entries).attempts;
    expect(attempt).toMatchObject({ clientId: 'web', issuer: OP });
    expect(statuses(attempt!.checks)['trace.state']).toBe('pass');
    expect(attempt!.diagnosis.map((d) => inEnglish(d)).join(' ')).not.toMatch(/forged/);
  });

  test('an authorization request sent as a form POST is found', () => {
    const { entries } = readHar(
      har([
        entry('POST', `${OP}/authorize`, 302, {
          postData: {
            mimeType: 'application/x-www-form-urlencoded',
            text: `response_type=code&client_id=posted&redirect_uri=${encodeURIComponent(APP)}&state=p1`,
          },
        }),
        entry('GET', `${APP}?code=pc&state=p1`, 200),
      ]),
    ) as { entries: HarEntry[] };
    const [attempt] = traceLogins(entries).attempts;
    expect(attempt).toMatchObject({ clientId: 'posted' });
    expect(statuses(attempt!.checks)['trace.state']).toBe('pass');
  });
});

describe('the cause in the provider’s own words', () => {
  test('error_description is shown verbatim beside our explanation, for the callback and the token answer', () => {
    const refused = traceLogins(
      (
        readHar(
          har([
            authorize('d1'),
            entry('GET', `${APP}?error=access_denied&error_description=User+declined+the+app&state=d1`, 200),
          ]),
        ) as { entries: HarEntry[] }
      ).entries,
    );
    expect(refused.attempts[0]!.diagnosis.map((d) => inEnglish(d))).toEqual([
      'The provider answered access_denied: The user (or a policy) refused the consent or the login. The provider says: “User declined the app”.',
    ]);
    const mismatch = traceLogins(
      (
        readHar(
          har([
            authorize('d2'),
            entry('GET', `${APP}?code=c2&state=d2`, 200),
            token(
              `grant_type=authorization_code&code=c2&redirect_uri=${encodeURIComponent('https://other.example/cb')}`,
              400,
              {
                error: 'invalid_grant',
                error_description: 'AADSTS50011: The redirect URI does not match',
              },
            ),
          ]),
        ) as { entries: HarEntry[] }
      ).entries,
    );
    expect(mismatch.attempts[0]!.diagnosis.map((d) => inEnglish(d))).toContain(
      'The token endpoint answered invalid_grant: the redirect_uri differs from the authorize request’s. The provider says: “AADSTS50011: The redirect URI does not match”.',
    );
  });
});

describe('requests the browser did not complete, named from the HAR', () => {
  const login = (extra: HarEntry[]) =>
    traceLogins(
      (
        readHar(
          har([
            entry(
              'GET',
              `${OP}/.well-known/openid-configuration`,
              0,
              { headers: [{ name: 'Origin', value: 'https://app.example' }] },
              {},
            ),
            ...extra,
            authorize('b1'),
            entry('GET', `${APP}?code=cb&state=b1`, 200),
          ]),
        ) as { entries: HarEntry[] }
      ).entries,
    ).attempts[0]!.diagnosis.map((d) => inEnglish(d));

  test('a discovery request whose CORS preflight was refused: the preflight named', () => {
    const diagnosis = login([entry('OPTIONS', `${OP}/.well-known/openid-configuration`, 403)]);
    expect(diagnosis).toContain(
      'The browser did not complete the discovery document (HTTP 0): its CORS preflight (OPTIONS) was answered HTTP 403, so the request itself was never sent.',
    );
  });

  test('a request Chrome marked with _error: the error named', () => {
    const text = har([
      entry('GET', `${OP}/.well-known/openid-configuration`, 0),
      authorize('b2'),
      entry('GET', `${APP}?code=cb&state=b2`, 200),
    ]).replace('"status":0,', '"status":0,"_x":1,');
    const data = JSON.parse(text) as { log: { entries: Record<string, unknown>[] } };
    data.log.entries[0]!._error = 'net::ERR_BLOCKED_BY_CLIENT';
    const { entries } = readHar(JSON.stringify(data)) as { entries: HarEntry[] };
    expect(traceLogins(entries).attempts[0]!.diagnosis.map((d) => inEnglish(d))).toContain(
      'The browser did not complete the discovery document (net::ERR_BLOCKED_BY_CLIENT): no answer reached the page (blocked by the browser, an extension or the network).',
    );
  });
});

describe('PKCE on real logins (RFC 7636, RFC 9700 §2.1.1)', () => {
  const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
  const CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'; // RFC 7636 Appendix B
  const login = (
    challenge: string | undefined,
    tokenForm: string,
    headers: HarEntry['request']['headers'] = [],
  ) =>
    traceLogins(
      (
        readHar(
          har([
            entry(
              'GET',
              `${OP}/authorize?response_type=code&client_id=spa&redirect_uri=${encodeURIComponent(APP)}&state=k1${challenge ? `&code_challenge=${challenge}&code_challenge_method=S256` : ''}`,
              302,
            ),
            entry('GET', `${APP}?code=kc&state=k1`, 200),
            entry(
              'POST',
              `${OP}/token`,
              200,
              { headers, postData: { mimeType: 'application/x-www-form-urlencoded', text: tokenForm } },
              json({ access_token: 'a', token_type: 'Bearer' }),
            ),
          ]),
        ) as { entries: HarEntry[] }
      ).entries,
    );
  const form = (verifier?: string) =>
    `grant_type=authorization_code&code=kc&redirect_uri=${encodeURIComponent(APP)}${verifier ? `&code_verifier=${verifier}` : ''}`;

  test('the verifier is checked against the challenge, SHA-256 computed (RFC 7636 Appendix B’s pair)', async () => {
    const good = await withEvidence(login(CHALLENGE, form(VERIFIER)), []);
    expect(statuses(good.attempts[0]!.checks)['trace.pkce_verifier']).toBe('pass');
    const bad = await withEvidence(login(CHALLENGE, form(`${VERIFIER.slice(0, -1)}A`)), []);
    expect(statuses(bad.attempts[0]!.checks)['trace.pkce_verifier']).toBe('fail');
  });

  test('no PKCE: a warning for a confidential client, a failure for a public one', () => {
    const confidential = login(undefined, form(), [{ name: 'Authorization', value: 'Basic eDp5' }]);
    expect(statuses(confidential.attempts[0]!.checks)['trace.pkce']).toBe('warn');
    const publicClient = login(undefined, `${form()}&client_id=spa`);
    expect(statuses(publicClient.attempts[0]!.checks)['trace.pkce']).toBe('fail');
  });
});

const read = (entries: HarEntry[]) => (readHar(har(entries)) as { entries: HarEntry[] }).entries;
const said = (attempt: { diagnosis: Said[] } | undefined) =>
  attempt!.diagnosis.map((d) => inEnglish(d)).join('\n');

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
