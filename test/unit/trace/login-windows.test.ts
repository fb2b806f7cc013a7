import { describe, expect, test } from 'vitest';
import { traceLogins } from '../../../src/trace/analysis/attempts.ts';
import { readHar, type HarEntry } from '../../../src/trace/analysis/har.ts';
import { APP, authorize, entry, har, json, OP, token } from '../../support/har-entries.ts';

const discovery = () =>
  entry(
    'GET',
    `${OP}/.well-known/openid-configuration`,
    200,
    {},
    json({ issuer: OP, jwks_uri: `${OP}/jwks` }),
  );
const jwks = () => entry('GET', `${OP}/jwks`, 200, {}, json({ keys: [] }));
const login = (state: string, code: string) => [
  discovery(),
  authorize(state),
  entry('GET', `${APP}?code=${code}&state=${state}`, 200),
  token(
    `grant_type=authorization_code&code=${code}&redirect_uri=${encodeURIComponent(APP)}&code_verifier=v`,
    200,
    {
      access_token: 'at',
    },
  ),
  jwks(),
];

describe('a tab that logs in again and again (the DevTools panel’s live log)', () => {
  test('each login’s timeline holds only its own provider calls: the discovery read to start it, the keys after it', () => {
    const { entries } = readHar(har([...login('s1', 'c1'), ...login('s2', 'c2'), ...login('s3', 'c3')])) as {
      entries: HarEntry[];
    };
    const { attempts } = traceLogins(entries);
    expect(attempts).toHaveLength(3);
    for (const a of attempts)
      expect(a.events.map((e) => e.kind)).toEqual(['discovery', 'authorize', 'callback', 'token', 'jwks']);
    // Each its own: no event is in two timelines.
    const times = attempts.flatMap((a) => a.events.map((e) => e.at));
    expect(new Set(times).size).toBe(times.length);
  });
});
