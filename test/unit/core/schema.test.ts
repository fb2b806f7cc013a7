import { describe, expect, test } from 'vitest';
import { PAYLOADS, profileSchema } from '../../../src/core/message-payloads.ts';
import { defaultProfile, type Profile } from '../../../src/core/profile/profile.ts';
import {
  arrayOf,
  boolean,
  fieldsOf,
  index,
  object,
  oneOf,
  picked,
  optional,
  string,
  union,
  type Infer,
} from '../../../src/core/schema.ts';

const profile = { ...defaultProfile('https://abc.chromiumapp.org/'), clientId: 'app' };

describe('payload schemas: one definition gives the type and the check', () => {
  test('objects are read on their own properties only; a field the schema does not name is refused', () => {
    const s = object({ runId: string, note: optional(string) });
    expect(s.is({ runId: 'r' })).toBe(true);
    expect(s.is({ runId: 'r', note: 'n' })).toBe(true);
    expect(s.is({ runId: 'r', note: 'n', other: 1 })).toBe(false);
    // A retry's payload is spread into a profile: an extra endpoint must never ride along.
    expect(PAYLOADS.retryRun.is({ runId: 'r', encodeBasic: false })).toBe(true);
    expect(PAYLOADS.retryRun.is({ runId: 'r', encodeBasic: false, endpoints: {} })).toBe(false);
    expect(PAYLOADS.retryRun.is({ runId: 'r', clientAuth: 'none', encodeBasic: true })).toBe(false);
    expect(s.is({ runId: 'r', note: 3 })).toBe(false);
    expect(s.is(Object.create({ runId: 'r' }))).toBe(false);
    expect(s.is(JSON.parse('{"__proto__": {"runId": "r"}}'))).toBe(false);
    expect(s.is([])).toBe(false);
    expect(s.is(null)).toBe(false);
    expect(s.is('runId')).toBe(false);
  });

  test('scalars, lists, choices and unions', () => {
    expect(index.is(0)).toBe(true);
    expect(index.is(-1)).toBe(false);
    expect(index.is(1.5)).toBe(false);
    expect(index.is(Number.MAX_SAFE_INTEGER + 1)).toBe(false);
    expect(boolean.is('true')).toBe(false);
    expect(oneOf(['a', 'b'] as const).is('c')).toBe(false);
    expect(arrayOf(string).is(['a', 'b'])).toBe(true);
    expect(arrayOf(string).is(['a', 1])).toBe(false);
    const either = union(object({ a: string }), object({ b: boolean }));
    expect(either.is({ a: 'x' })).toBe(true);
    expect(either.is({ b: true })).toBe(true);
    expect(either.is({ a: 'x', b: 'y' })).toBe(false);
  });

  test('a schema written against a type covers its optional fields too (checked by the compiler)', () => {
    // @ts-expect-error `b` is a field of the type with no schema: this does not compile.
    fieldsOf<{ a: string; b?: string }>()({ a: string });
    const both = fieldsOf<{ a: string; b?: string }>()({ a: string, b: optional(string) });
    expect(both.is({ a: 'x' })).toBe(true);
    expect(both.is({ a: 'x', b: 1 })).toBe(false);
  });

  test('the profile a page sends: every field of Profile, each checked', () => {
    expect(profileSchema.is(profile)).toBe(true);
    const bad: [keyof Profile, unknown][] = [
      ['issuer', 42],
      ['prompt', 'always'],
      ['clientAuth', 'tls_client_auth'],
      ['clientKey', { kid: 'k', alg: 'ES256', jwk: { kty: 'EC', d: 'private!' } }],
      ['flow', 'implicit'],
      ['extraAuthorize', [['a']]],
      ['endpoints', { ...profile.endpoints, token: undefined }],
      ['usePkce', 'yes'],
    ];
    for (const [field, value] of bad)
      expect(profileSchema.is({ ...profile, [field]: value }), field).toBe(false);
  });

  test('message payloads: the types the pages send are the ones the worker accepts', () => {
    const retry: Infer<typeof PAYLOADS.retryRun> = { runId: 'r', encodeBasic: true };
    expect(PAYLOADS.retryRun.is(retry)).toBe(true);
    expect(PAYLOADS.retryRun.is({ runId: 'r', clientAuth: 'client_secret_post' })).toBe(true);
    expect(PAYLOADS.retryRun.is({ runId: 'r', clientAuth: 'client_secret_post', encodeBasic: true })).toBe(
      false,
    );
    expect(PAYLOADS.retryRun.is({ runId: 'r' })).toBe(false);
    expect(PAYLOADS.curl.is({ runId: 'r', exchange: { step: 1, exchange: 0 } })).toBe(true);
    expect(PAYLOADS.curl.is({ runId: 'r', exchange: { step: -1, exchange: 0 } })).toBe(false);
    expect(PAYLOADS.editProfiles.is({ edit: { action: 'rename', id: 'p' } })).toBe(false);
    expect(
      PAYLOADS.editProfiles.is({ edit: { action: 'update', profile: { ...profile, id: 'p', name: 'P' } } }),
    ).toBe(false);
    expect(
      PAYLOADS.editProfiles.is({
        edit: { action: 'update', profile: { ...profile, id: 'p', name: 'P', rememberSecret: false } },
      }),
    ).toBe(true);
  });
});

describe('picked: the lenient reader of files written by others', () => {
  const shape = { url: string, method: optional(string), count: index };
  test('keeps the fields that pass, leaves out those of another type and every key the shape does not name', () => {
    expect(picked(shape, { url: 'https://a.example', method: 7, count: 2, extra: 'x' })).toEqual({
      url: 'https://a.example',
      count: 2,
    });
  });
  test('an inherited field is as good as absent; a non-object gives nothing', () => {
    const inherited = Object.create({ url: 'https://inherited.example' }) as object;
    expect(picked(shape, inherited)).toEqual({});
    for (const v of [null, 'text', 3, ['url']]) expect(picked(shape, v)).toEqual({});
  });
});
