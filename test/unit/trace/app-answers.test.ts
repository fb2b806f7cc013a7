import { describe, expect, test } from 'vitest';
import { traceLogins } from '../../../src/trace/analysis/attempts.ts';
import { inEnglish } from '../../support/words.ts';
import { APP, authorize, entry, read, said, token } from '../../support/har-entries.ts';

const noPkce = (state: string) =>
  entry('GET', authorize(state).request.url.replace(/&code_challenge.*$/, ''), 302);

describe('the app’s own answer to its callback, after the provider succeeded', () => {
  test('a callback answered HTTP 500 is the cause, named as the app’s', () => {
    const [login] = traceLogins(read([noPkce('s1'), entry('GET', `${APP}?code=c1&state=s1`, 500)])).attempts;
    expect(said(login)).toBe(
      'The provider succeeded; the app’s callback answered HTTP 500: the cause is in the app, not at the provider (its server log for that request says why).',
    );
    expect(login!.succeeded).toBeUndefined();
  });

  test('a callback that sends the browser to an error page of its own (?calendarSync=error) is named with it', () => {
    const to = 'https://app.example/settings?calendarSync=error';
    const [login] = traceLogins(
      read([
        noPkce('s1'),
        entry('GET', `${APP}?code=c1&state=s1`, 302, {}, { headers: [{ name: 'Location', value: to }] }),
      ]),
    ).attempts;
    expect(said(login)).toBe(
      `The provider succeeded; the app’s callback sent the browser to an error page of its own: ${to}. The cause is in the app (its server log for the callback says why).`,
    );
    // A redirect to an ordinary page is no error.
    const [fine] = traceLogins(
      read([
        noPkce('s2'),
        entry(
          'GET',
          `${APP}?code=c2&state=s2`,
          302,
          {},
          { headers: [{ name: 'Location', value: '/home?tab=profile' }] },
        ),
      ]),
    ).attempts;
    expect(fine!.diagnosis).toEqual([]);
    expect(inEnglish(fine!.succeeded)).toMatch(/^The provider succeeded: the callback carried a code/);
  });
});

describe('a login that succeeded says so, in the success line', () => {
  test('tokens issued: the success line, no failure line', () => {
    const [login] = traceLogins(
      read([
        authorize('s1'),
        entry('GET', `${APP}?code=c1&state=s1`, 200),
        token(
          `grant_type=authorization_code&code=c1&redirect_uri=${encodeURIComponent(APP)}&code_verifier=v&client_id=spa`,
          200,
          {
            access_token: 'at',
            token_type: 'Bearer',
          },
        ),
      ]),
    ).attempts;
    expect(login!.diagnosis).toEqual([]);
    expect(inEnglish(login!.succeeded)).toBe(
      'This login succeeded: the code was redeemed and tokens issued.',
    );
  });

  test('a refused redemption is no success', () => {
    const [login] = traceLogins(
      read([
        authorize('s1'),
        entry('GET', `${APP}?code=c1&state=s1`, 200),
        token(
          `grant_type=authorization_code&code=c1&redirect_uri=${encodeURIComponent(APP)}&code_verifier=v`,
          400,
          {
            error: 'invalid_grant',
          },
        ),
      ]),
    ).attempts;
    expect(login!.succeeded).toBeUndefined();
    expect(said(login)).toMatch(/invalid_grant/);
  });
});
