import { describe, expect, test } from 'vitest';
import { readCallback } from '../../../../src/core/protocol/callback.ts';
import { callbackParams } from '../../../../src/core/protocol/params.ts';
import { errorInEnglish, hintInEnglish, inEnglish } from '../../../support/words.ts';

const ARRIVES_AT = 'https://abc.chromiumapp.org/';
const expected = {
  state: 'st4te',
  issuer: 'https://id.btgpactual.com',
  arrivesAt: ARRIVES_AT,
  issAdvertised: false,
};
/** `query` may carry a fragment (`…#access_token=…`) or be a whole URL. */
const urlOf = (query: string) => (query.startsWith('https://') ? query : `${ARRIVES_AT}?${query}`);
const read = (query: string, issAdvertised = false) =>
  readCallback(urlOf(query), callbackParams(urlOf(query)), { ...expected, issAdvertised });
/** The code on success, else the error's code. */
const outcomeOf = (query: string, issAdvertised = false) => {
  const r = read(query, issAdvertised);
  return r.code ?? r.error?.code;
};
const statusOf = (query: string, id: string, issAdvertised = false) =>
  read(query, issAdvertised).checks.find((c) => c.id === id)?.status;

describe('authorization response (RFC 6749 §4.1.2, RFC 9207)', () => {
  test('BTG Id’s documented callback (code and iss) yields the code, every check passing', () => {
    const r = read('code=abc&state=st4te&iss=https%3A%2F%2Fid.btgpactual.com');
    expect(r.code).toBe('abc');
    expect(r.checks.map((c) => [c.id, c.status])).toEqual([
      ['callback.redirect_uri', 'pass'],
      ['callback.duplicates', 'pass'],
      ['callback.state', 'pass'],
      ['callback.iss', 'pass'],
      ['callback.no_tokens', 'pass'],
    ]);
  });

  test('a refused request object, and a client that must sign its requests, are explained (RFC 9101)', () => {
    const refused = read(
      'error=invalid_request_object&error_description=could+not+validate+Request+Object&state=st4te',
    );
    expect(refused.error?.code).toBe('provider_error');
    expect(hintInEnglish(refused.error)).toMatch(/refused the signed request object \(RFC 9101 §6\.3\)/);
    const required = read(
      'error=invalid_request&error_description=Request+Object+must+be+used+by+this+client&state=st4te',
    );
    expect(hintInEnglish(required.error)).toMatch(/must sign its authorization requests/);
    expect(
      hintInEnglish(read('error=invalid_request&error_description=bad&state=st4te').error),
    ).toBeUndefined();
  });

  test('a missing iss is skipped unless the provider advertises it, then it fails and stops', () => {
    expect(statusOf('code=abc&state=st4te', 'callback.iss')).toBe('skip');
    expect(outcomeOf('code=abc&state=st4te')).toBe('abc');
    expect(statusOf('code=abc&state=st4te', 'callback.iss', true)).toBe('fail');
    expect(outcomeOf('code=abc&state=st4te', true)).toBe('iss_mismatch');
  });

  test.each([
    ['code=abc&state=other', 'state_mismatch', 'callback.state'],
    ['code=abc', 'state_mismatch', 'callback.state'],
    ['code=abc&state=st4te&iss=https%3A%2F%2Fevil.example', 'iss_mismatch', 'callback.iss'],
    ['code=abc&code=def&state=st4te', 'duplicate_parameter', 'callback.duplicates'],
    ['code=abc&state=st4te&state=st4te', 'duplicate_parameter', 'callback.duplicates'],
    ['code=abc&state=st4te&id_token=eyJ', 'tokens_in_callback', 'callback.no_tokens'],
    ['code=abc&state=st4te&access_token=at', 'tokens_in_callback', 'callback.no_tokens'],
    ['code=abc&state=st4te#access_token=at&token_type=Bearer', 'tokens_in_callback', 'callback.no_tokens'],
    ['state=st4te#id_token=eyJ&code=abc', 'tokens_in_callback', 'callback.no_tokens'],
    ['code=abc#state=st4te&state=st4te', 'duplicate_parameter', 'callback.duplicates'],
    ['error=access_denied&state=forged', 'state_mismatch', 'callback.state'],
    ['error=access_denied', 'state_mismatch', 'callback.state'],
    [
      'https://abc.chromiumapp.org/elsewhere?code=abc&state=st4te',
      'callback_elsewhere',
      'callback.redirect_uri',
    ],
    ['https://evil.chromiumapp.org/?code=abc&state=st4te', 'callback_elsewhere', 'callback.redirect_uri'],
  ])('%s stops with %s before the code is redeemed', (query, code, check) => {
    const r = read(query);
    expect(r.code).toBeUndefined();
    expect(r.error?.code).toBe(code);
    expect(r.checks.find((c) => c.id === check)?.status).toBe('fail');
  });

  test('a callback with neither code nor error', () => {
    expect(outcomeOf('state=st4te')).toBe('missing_code');
  });

  test('a provider error carries its description and uri, in the query or the fragment', () => {
    for (const url of [
      'error=access_denied&error_description=User+said+no&error_uri=https%3A%2F%2Fdocs.example%2Fe&state=st4te',
      `${ARRIVES_AT}#error=access_denied&error_description=User+said+no&error_uri=https%3A%2F%2Fdocs.example%2Fe&state=st4te`,
    ]) {
      const r = read(url);
      expect(errorInEnglish(r.error!)).toMatchObject({
        code: 'provider_error',
        message: 'The provider refused the login: access_denied — User said no',
        hint: 'More about it: https://docs.example/e',
      });
    }
  });

  test('an error whose state does not match is an unverified callback, not the provider’s word', () => {
    const r = read('error=access_denied&error_description=User+said+no&state=forged');
    expect(r.error?.code).toBe('state_mismatch');
    expect(inEnglish(r.error)).toMatch(/forged or stale callback/);
    expect(inEnglish(r.error)).not.toMatch(/refused/);
  });

  test('an iss differing only by a trailing slash says so', () => {
    const url = urlOf('code=abc&state=st4te&iss=https%3A%2F%2Fid.btgpactual.com');
    const r = readCallback(url, callbackParams(url), { ...expected, issuer: 'https://id.btgpactual.com/' });
    expect(hintInEnglish(r.error)).toMatch(/only by a trailing slash/);
  });

  test('a mismatched state reports both values', () => {
    expect(read('code=abc&state=forged').error).toMatchObject({ expected: 'st4te', actual: 'forged' });
  });
});

describe('why the run stops is decided on ids, never on English', () => {
  const stop = (query: string, issAdvertised = false) => read(query, issAdvertised).error?.say;
  test.each<[string, string, boolean, { id: string; subs: unknown[] }]>([
    ['no state at all', 'code=a', false, { id: 'stopNoState', subs: [] }],
    // A state that spells the English for "missing" is still a state, and a wrong one.
    ['a state that reads "(missing)"', 'code=a&state=%28missing%29', false, { id: 'stopState', subs: [] }],
    [
      'a repeated parameter, named',
      'code=a&code=b&state=st4te',
      false,
      { id: 'stopDuplicates', subs: ['code'] },
    ],
    [
      'tokens in the front channel, named',
      'code=a&state=st4te&access_token=x',
      false,
      { id: 'stopTokens', subs: ['access_token'] },
    ],
    ['iss missing though advertised', 'code=a&state=st4te', true, { id: 'stopNoIss', subs: [] }],
  ])('%s', (_name, query, advertised, said) => {
    expect(stop(query, advertised)).toEqual(said);
  });
});
