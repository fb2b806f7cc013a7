import type { Said } from '../../../src/core/i18n/say.ts';
import { describe, expect, test } from 'vitest';
import { traceLogins } from '../../../src/trace/analysis/attempts.ts';
import { readHar, type HarEntry } from '../../../src/trace/analysis/har.ts';
import { inEnglish } from '../../support/words.ts';
import { APP, authorize, entry, har, json, OP, statuses, token } from '../../support/har-entries.ts';

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
    // The provider did its part and the app's server redeems: a success, in the success line.
    expect(serverSide.attempts[0]!.diagnosis).toEqual([]);
    expect(inEnglish(serverSide.attempts[0]!.succeeded)).toMatch(
      /^The provider succeeded: the callback carried a code and the state sent\. No token request in the recording: a server-side app/,
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
