import { describe, expect, test } from 'vitest';
import { traceLogins } from '../../../src/trace/analysis/attempts.ts';
import { withEvidence } from '../../../src/trace/analysis/token-evidence.ts';
import { readHar, type HarEntry } from '../../../src/trace/analysis/har.ts';
import { inEnglish } from '../../support/words.ts';
import { APP, authorize, entry, har, json, OP, read, statuses, token } from '../../support/har-entries.ts';

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

  test('no token request in the browser: a server receives the answer (form_post, or a code its server redeems), a warning', () => {
    const authorizeAt = (extra: string) =>
      entry(
        'GET',
        `${OP}/authorize?response_type=code&client_id=web&redirect_uri=${encodeURIComponent(APP)}&state=w1${extra}`,
        302,
      );
    const pkceOf = (entries: HarEntry[]) =>
      statuses(traceLogins(read(entries)).attempts[0]!.checks)['trace.pkce'];
    // The app's server redeems the code it received (a classic confidential web app, corpus 04's shape).
    expect(pkceOf([authorizeAt(''), entry('GET', `${APP}?code=c&state=w1`, 200)])).toBe('warn');
    // form_post posts the answer to a server (SharePoint's hybrid login, corpus 01's shape), even unanswered.
    expect(pkceOf([authorizeAt('&response_mode=form_post&nonce=n')])).toBe('warn');
    // Nothing tells who would redeem: a failure, as for a public client.
    expect(pkceOf([authorizeAt('')])).toBe('fail');
  });
});
