import { describe, expect, test } from 'vitest';
import {
  exportProfiles,
  importProfiles,
  MAX_IMPORT_BYTES,
} from '../../../../src/core/profile/profile-file.ts';
import { twoProfiles } from '../../../support/books.ts';
import { inEnglish } from '../../../support/words.ts';

let ids = 0;
const newId = () => `id-${++ids}`;
const book = twoProfiles;
const ATTACK = 'https://op.example/token\u001b[201~\u0015touch /tmp/x\n';

const file = (profiles: unknown, patch: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'auth-code-inspector/profiles', version: 1, profiles, ...patch });
const good = (JSON.parse(exportProfiles(book())) as { profiles: Record<string, unknown>[] }).profiles;

describe('profile import: a bad file gets a clear error and changes nothing', () => {
  test.each([
    ['malformed JSON', '{"format": "auth-code-inspector/profiles",', /^The file is not JSON: /],
    ['a JSON array', '[]', /not an Auth Code Inspector profiles file \(it has no "format" field\)/],
    ['a foreign file', JSON.stringify({ info: { _postman_id: 'x' } }), /it has no "format" field/],
    ['another format', file(good, { format: 'insomnia' }), /its format is "insomnia"/],
    ['a newer version', file(good, { version: 2 }), /version 2; this extension reads version 1/],
    ['no profiles', file([]), /holds no profiles/],
    ['profiles not a list', file({ a: 1 }), /holds no profiles/],
    ['a profile that is not an object', file([good[0], 'x']), /^Profile 2 is not an object\./],
    [
      'a missing issuer',
      file([{ ...good[0], issuer: undefined }]),
      /^Profile 1 \("BTG Id"\): "issuer" is missing or not text\./,
    ],
    ['a number for a flag', file([{ ...good[0], usePkce: 'yes' }]), /"usePkce" must be true or false/],
    // The optional fields are held to the profile's own schema, each rule in words.
    [
      'an unknown flow',
      file([{ ...good[0], flow: 'device' }]),
      /"flow" must be one of authorization_code, client_credentials/,
    ],
    [
      'a method the tool does not speak',
      file([{ ...good[0], clientAuth: 'tls_client_auth' }]),
      /"clientAuth" must be one of/,
    ],
    ['rows that are not pairs', file([{ ...good[0], extraToken: [['resource']] }]), /"extraToken"/],
    [
      'a text for encodeBasic',
      file([{ ...good[0], encodeBasic: 'no' }]),
      /"encodeBasic" must be true or false/,
    ],
    ['an unknown prompt', file([{ ...good[0], prompt: 'always' }]), /"prompt" must be one of/],
    [
      'endpoints missing',
      file([{ ...good[0], endpoints: null }]),
      /"endpoints" needs authorization, token and jwks/,
    ],
    ['an empty name', file([{ ...good[0], name: '  ' }]), /"name" is empty/],
    [
      'an endpoint with control characters (a paste that runs a command)',
      file([{ ...good[0], endpoints: { ...(good[0]!.endpoints as object), token: ATTACK } }]),
      /"endpoints\.token" holds a control character or a space/,
    ],
  ])('%s', (_name, text, message) => {
    const before = book();
    const result = importProfiles(before, text, newId);
    expect(!result.ok && inEnglish(result.error)).toMatch(message);
    expect(before).toEqual(book());
  });

  test('an oversized file is refused before it is parsed', () => {
    const huge = file(good, { padding: 'x'.repeat(MAX_IMPORT_BYTES) });
    const result = importProfiles(book(), huge, newId);
    expect(!result.ok && inEnglish(result.error)).toMatch(
      /^The file is 25\d KB; a profiles file is at most 256 KB\.$/,
    );
  });

  test('too many profiles are refused', () => {
    const many = file(Array.from({ length: 100 }, () => good[0]));
    expect(importProfiles(book(), many, newId)).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        say: { id: 'fileTooMany', subs: ['100'] },
      },
    });
  });
});

describe('profile import and export', () => {
  test('export holds no id, no device setting and no secret; import gives fresh ids and unique names', () => {
    const text = exportProfiles(book());
    expect(text).not.toMatch(/"id"|rememberSecret|secret/i);
    const answer = importProfiles(book(), text, newId);
    if (!answer.ok) throw new Error(inEnglish(answer.error));
    const result = answer.value;
    expect(result.added).toBe(2);
    expect(result.book.profiles.map((p) => p.name)).toEqual([
      'BTG Id',
      'Staging',
      'BTG Id (2)',
      'Staging (2)',
    ]);
    expect(result.book.activeId).toBe(book().activeId);
    expect(result.book.profiles.every((p) => !p.rememberSecret)).toBe(true);
  });

  test('a client key travels as its public half and kid only: never its handle on this device, never a private member', () => {
    const jwk = { kty: 'EC', crv: 'P-256', x: 'x', y: 'y' };
    const keyed = book();
    keyed.profiles[0] = {
      ...keyed.profiles[0]!,
      clientAuth: 'private_key_jwt',
      clientKey: { kid: 'bank-kid', alg: 'ES256', jwk, ref: 'device-handle', source: 'generated' },
    };
    const text = exportProfiles(keyed);
    expect(text).not.toContain('device-handle');
    expect(text).not.toContain('generated');
    const answer = importProfiles(book(), text, newId);
    if (!answer.ok) throw new Error(inEnglish(answer.error));
    expect(answer.value.book.profiles.at(-2)?.clientKey).toEqual({ kid: 'bank-kid', alg: 'ES256', jwk });
    // A handle written into a file by hand is dropped: a file never points at a key on this device.
    const crafted = file([{ ...good[0], clientKey: { kid: 'k', alg: 'ES256', jwk, ref: 'someone-elses' } }]);
    const read = importProfiles(book(), crafted, newId);
    expect(read.ok && read.value.book.profiles.at(-1)?.clientKey).toEqual({ kid: 'k', alg: 'ES256', jwk });
    // A private member is refused with the rule, and nothing is added.
    const leaked = file([
      { ...good[0], clientKey: { kid: 'k', alg: 'ES256', jwk: { ...jwk, d: 'secret' } } },
    ]);
    const refused = importProfiles(book(), leaked, newId);
    expect(!refused.ok && inEnglish(refused.error)).toMatch(/"clientKey" must be a public key/);
  });

  test('fields a file should not carry (a secret) are left behind', () => {
    const answer = importProfiles(book(), file([{ ...good[0], clientSecret: 'leaked', name: 'X' }]), newId);
    if (!answer.ok) throw new Error(inEnglish(answer.error));
    const result = answer.value;
    expect(JSON.stringify(result.book)).not.toContain('leaked');
  });
});

describe('profile import: a colleague’s redirect URL', () => {
  test('is turned into this installation’s by the function it is given, and the result says so', () => {
    const theirs = 'https://ponmlkjihgfedcbaponmlkjihgfedcba.chromiumapp.org/';
    const mine = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';
    const own = (url: string) => (url === theirs ? mine : url);
    const shared = file([{ ...good[0], redirectUri: theirs }, good[1]]);
    const result = importProfiles(book(), shared, newId, own);
    if (!result.ok) throw new Error('refused');
    expect(result.value.moved).toBe(true);
    expect(result.value.book.profiles.slice(-2).map((p) => p.redirectUri)).toEqual([
      mine,
      good[1]!.redirectUri,
    ]);
    const plain = importProfiles(book(), file(good), newId, own);
    expect(plain.ok && plain.value.moved).toBe(false);
  });
});

describe('profile import: endpoints that would carry a credential elsewhere', () => {
  test('are named and hold the file back, unless imported anyway; keys and the login page do not count', () => {
    const issuer = good[0]!.issuer as string;
    const ep = good[0]!.endpoints as Record<string, string>;
    const hostile = {
      ...good[0],
      endpoints: {
        ...ep,
        jwks: 'https://cdn.example.test/keys',
        userinfo: 'https://collector.example.test/userinfo',
        introspection: `${issuer}/introspect`,
      },
    };
    const text = file([hostile]);
    const held = importProfiles(book(), text, newId);
    if (!held.ok) throw new Error('refused');
    expect(held.value.held).toEqual([
      { profile: 'BTG Id', endpoint: 'userinfo', origin: 'https://collector.example.test' },
    ]);
    expect(held.value.book).toEqual(book());
    expect(held.value.added).toBe(0);
    const anyway = importProfiles(book(), text, newId, undefined, true);
    expect(anyway.ok && [anyway.value.added, anyway.value.held]).toEqual([1, undefined]);
  });
});
