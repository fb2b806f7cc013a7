import { describe, expect, test } from 'vitest';
import { callbackParams, readCallback } from '../../../src/core/callback.ts';
import { FlowError } from '../../../src/core/flow-error.ts';

const expected = { state: 'st4te', issuer: 'https://id.btgpactual.com' };
const cb = (query: string) => callbackParams(`https://abc.chromiumapp.org/?${query}`);

/** The code on success, else the FlowError's code. */
function codeOf(query: string): string {
  try {
    return readCallback(cb(query), expected);
  } catch (e) {
    if (e instanceof FlowError) return e.info.code;
    throw e;
  }
}

describe('authorization response checks (RFC 6749 §4.1.2, RFC 9207)', () => {
  test('BTG Id’s documented callback (code and iss) yields the code', () => {
    expect(codeOf('code=abc&state=st4te&iss=https%3A%2F%2Fid.btgpactual.com')).toBe('abc');
  });

  test('a callback without iss is accepted here (whether it must carry one is a check of its own)', () => {
    expect(codeOf('code=abc&state=st4te')).toBe('abc');
  });

  test.each([
    ['code=abc&state=other', 'state_mismatch'],
    ['code=abc', 'state_mismatch'],
    ['code=abc&state=st4te&iss=https%3A%2F%2Fevil.example', 'iss_mismatch'],
    ['code=abc&code=def&state=st4te', 'duplicate_parameter'],
    ['code=abc&state=st4te&state=st4te', 'duplicate_parameter'],
    ['state=st4te', 'missing_code'],
    ['error=access_denied&state=st4te', 'provider_error'],
  ])('%s → %s', (query, code) => {
    expect(codeOf(query)).toBe(code);
  });

  test('a provider error carries its description and uri', () => {
    try {
      readCallback(
        cb(
          'error=access_denied&error_description=User+said+no&error_uri=https%3A%2F%2Fdocs.example%2Fe&state=st4te',
        ),
        expected,
      );
      expect.unreachable();
    } catch (e) {
      expect((e as FlowError).info).toMatchObject({
        code: 'provider_error',
        message: 'The provider refused the login: access_denied — User said no',
        hint: 'More about it: https://docs.example/e',
      });
    }
  });

  test('a mismatched state reports both values', () => {
    try {
      readCallback(cb('code=abc&state=forged'), expected);
      expect.unreachable();
    } catch (e) {
      expect((e as FlowError).info).toMatchObject({ expected: 'st4te', actual: 'forged' });
    }
  });
});
