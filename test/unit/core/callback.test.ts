import { describe, expect, test } from 'vitest';
import { readCallback } from '../../../src/core/callback.ts';
import { callbackParams } from '../../../src/core/params.ts';

const expected = { state: 'st4te', issuer: 'https://id.btgpactual.com', issAdvertised: false };
const cb = (query: string) => callbackParams(`https://abc.chromiumapp.org/?${query}`);
const read = (query: string, issAdvertised = false) =>
  readCallback(cb(query), { ...expected, issAdvertised });
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
      ['callback.duplicates', 'pass'],
      ['callback.state', 'pass'],
      ['callback.iss', 'pass'],
      ['callback.no_tokens', 'pass'],
    ]);
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
  ])('%s stops with %s before the code is redeemed', (query, code, check) => {
    const r = read(query);
    expect(r.code).toBeUndefined();
    expect(r.error?.code).toBe(code);
    expect(r.checks.find((c) => c.id === check)?.status).toBe('fail');
  });

  test('a callback with neither code nor error', () => {
    expect(outcomeOf('state=st4te')).toBe('missing_code');
  });

  test('a provider error carries its description and uri, and is the news even with a bad state', () => {
    const r = read(
      'error=access_denied&error_description=User+said+no&error_uri=https%3A%2F%2Fdocs.example%2Fe',
    );
    expect(r.error).toMatchObject({
      code: 'provider_error',
      message: 'The provider refused the login: access_denied — User said no',
      hint: 'More about it: https://docs.example/e',
    });
    expect(r.checks.find((c) => c.id === 'callback.state')?.status).toBe('fail');
  });

  test('an iss differing only by a trailing slash says so', () => {
    const r = readCallback(cb('code=abc&state=st4te&iss=https%3A%2F%2Fid.btgpactual.com'), {
      ...expected,
      issuer: 'https://id.btgpactual.com/',
    });
    expect(r.error?.hint).toMatch(/only by a trailing slash/);
  });

  test('a mismatched state reports both values', () => {
    expect(read('code=abc&state=forged').error).toMatchObject({ expected: 'st4te', actual: 'forged' });
  });
});
