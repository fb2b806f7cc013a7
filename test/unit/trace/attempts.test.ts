import { describe, expect, test } from 'vitest';
import { traceLogins } from '../../../src/trace/analysis/attempts.ts';
import { withEvidence } from '../../../src/trace/analysis/token-evidence.ts';
import { readHar, type HarEntry } from '../../../src/trace/analysis/har.ts';

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
    expect(attempt!.diagnosis.map((d) => d.message)).toEqual([
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
    expect(attempt!.diagnosis.map((d) => d.message)).toEqual([
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
    expect(traceLogins(bodiless.entries).attempts[0]!.diagnosis.map((d) => d.message)).toEqual([
      'The token endpoint answered HTTP 401; its body is not in the HAR, so the reason is unknown.',
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
    expect(tampered.attempts[0]!.diagnosis.map((d) => d.message)).toEqual([
      'The callback’s state is not the one the authorize request sent: a forged or stale callback, whose code must not be redeemed (RFC 6749 §10.12).',
    ]);
    const serverSide = traceLogins(
      (
        readHar(har([authorize('s1'), entry('GET', `${APP}?code=abc&state=s1`, 200)])) as {
          entries: HarEntry[];
        }
      ).entries,
    );
    expect(serverSide.attempts[0]!.diagnosis[0]?.message).toMatch(
      /^No token request in the HAR: a server-side app/,
    );
    const refused = traceLogins(
      (
        readHar(har([authorize('s2'), entry('GET', `${APP}?error=access_denied&state=s2`, 200)])) as {
          entries: HarEntry[];
        }
      ).entries,
    );
    expect(refused.attempts[0]!.diagnosis.map((d) => d.message)).toEqual([
      'The provider answered access_denied: The user (or a policy) refused the consent or the login.',
    ]);
    const abandoned = traceLogins((readHar(har([authorize('s3')])) as { entries: HarEntry[] }).entries);
    expect(abandoned.attempts[0]!.diagnosis[0]?.message).toMatch(/^The callback never came/);
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
    expect(readHar('{"hello":1}')).toEqual({
      error: {
        message:
          'This is not a HAR file: it has no "log.entries" list (save it from DevTools with "Save all as HAR").',
        say: { id: 'notHar', subs: [] },
      },
    });
    expect(readHar('nope')).toMatchObject({
      error: { message: expect.stringMatching(/^The file is not JSON/) as unknown },
    });
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
    expect(attempt!.diagnosis.map((d) => d.message).join(' ')).not.toMatch(/forged/);
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
    expect(refused.attempts[0]!.diagnosis.map((d) => d.message)).toEqual([
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
    expect(mismatch.attempts[0]!.diagnosis.map((d) => d.message)).toContain(
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
    ).attempts[0]!.diagnosis.map((d) => d.message);

  test('a discovery request whose CORS preflight was refused: the preflight named', () => {
    const diagnosis = login([entry('OPTIONS', `${OP}/.well-known/openid-configuration`, 403)]);
    expect(diagnosis).toContain(
      'The browser did not complete the discovery request (HTTP 0): its CORS preflight (OPTIONS) was answered HTTP 403, so the request itself was never sent.',
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
    expect(traceLogins(entries).attempts[0]!.diagnosis.map((d) => d.message)).toContain(
      'The browser did not complete the discovery request (net::ERR_BLOCKED_BY_CLIENT): no answer reached the page (blocked by the browser, an extension or the network).',
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
