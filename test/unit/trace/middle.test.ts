import { describe, expect, test } from 'vitest';
import { traceLogins } from '../../../src/trace/analysis/attempts.ts';
import { inEnglish } from '../../support/words.ts';
import { APP, authorize, entry, OP, read, statuses, token } from '../../support/har-entries.ts';

const form = (text: string) => ({ postData: { mimeType: 'application/x-www-form-urlencoded', text } });

describe('logins as an expert counts them', () => {
  test('a provider’s own page repeating the parameters (a POST /_/signin/oauth) is the same login, not a second', () => {
    const first = authorize('s1');
    const params = new URL(first.request.url).search.slice(1);
    const { attempts } = traceLogins(
      read([
        first,
        entry('POST', `${OP}/_/signin/oauth?authuser=0`, 200, form(`${params}&hl=pt-BR`)),
        entry('GET', `${APP}?code=c1&state=s1`, 200),
      ]),
    );
    expect(attempts).toHaveLength(1);
    expect(statuses(attempts[0]!.checks)['trace.state']).toBe('pass');
    // A new login after the first came back is a login of its own.
    const again = traceLogins(
      read([
        authorize('s1'),
        entry('GET', `${APP}?code=c1&state=s1`, 200),
        authorize('s2'),
        entry('GET', `${APP}?code=c2&state=s2`, 200),
      ]),
    );
    expect(again.attempts).toHaveLength(2);
  });

  test('a callback whose authorization request is not in the recording is a login seen from the middle', () => {
    const { attempts } = traceLogins(
      read([
        entry('GET', `${APP}?code=c9&state=s9&iss=${encodeURIComponent(OP)}`, 200),
        token(
          `grant_type=authorization_code&code=c9&redirect_uri=${encodeURIComponent(APP)}&client_id=spa&code_verifier=v`,
          200,
          {
            access_token: 'at',
            token_type: 'Bearer',
          },
        ),
      ]),
    );
    expect(attempts).toHaveLength(1);
    const [login] = attempts;
    expect(login).toMatchObject({ clientId: 'spa', issuer: OP });
    expect(login!.events.map((e) => e.kind)).toEqual(['callback', 'token']);
    expect(statuses(login!.checks)).toMatchObject({ 'trace.state': 'skip', 'trace.redeemed': 'pass' });
    expect(inEnglish(login!.diagnosis[0])).toMatch(
      /^The recording started after this login’s authorization request/,
    );
    // The token request is this login's, not a lone one.
    expect(attempts.filter((a) => a.grant !== undefined)).toEqual([]);
  });
});
