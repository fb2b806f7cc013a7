import { base64url, exportJWK, exportPKCS8, exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, test } from 'vitest';
import { claimMeaning, headerMeaning } from '../../../src/core/view/claim-meanings.ts';
import { readPasted, tokenKind, type TokenSection } from '../../../src/trace/analysis/token-read.ts';
import { verifyPasted } from '../../../src/trace/analysis/token-verify.ts';
import { inEnglish } from '../../support/words.ts';

const NOW = 1_790_000_000_000;
const S = NOW / 1000;
const unsigned = (header: object, claims: object) =>
  `${base64url.encode(JSON.stringify(header))}.${base64url.encode(JSON.stringify(claims))}.c2ln`;
const sections = (text: string): TokenSection[] => {
  const read = readPasted(text);
  if ('error' in read) throw new Error(inEnglish(read.error));
  return read.sections;
};
const refused = (text: string) => {
  const read = readPasted(text);
  return 'error' in read ? inEnglish(read.error) : undefined;
};

describe('what a token is, from its typ and its claims', () => {
  test.each([
    ['id_token', { alg: 'RS256' }, { iss: 'i', sub: 's', aud: 'c', exp: S, iat: S, nonce: 'n' }],
    ['id_token', { alg: 'RS256' }, { iss: 'i', sub: 's', aud: 'c', exp: S, iat: S }],
    [
      'access_token_9068',
      { alg: 'RS256', typ: 'at+JWT' },
      { iss: 'i', sub: 's', aud: 'api', client_id: 'c' },
    ],
    ['access_token_9068', { alg: 'RS256', typ: 'application/at+jwt' }, {}],
    ['access_token_jwt', { alg: 'RS256' }, { iss: 'i', sub: 's', aud: 'api', scope: 'read' }],
    [
      'logout_token',
      { alg: 'RS256' },
      { iss: 'i', sid: 'x', events: { 'http://schemas.openid.net/event/backchannel-logout': {} } },
    ],
    ['logout_token', { alg: 'RS256', typ: 'logout+jwt' }, {}],
    ['request_object', { alg: 'ES256', typ: 'oauth-authz-req+jwt' }, {}],
    ['request_object', { alg: 'ES256' }, { response_type: 'code', client_id: 'c', redirect_uri: 'r' }],
    ['dpop_proof', { alg: 'ES256', typ: 'dpop+jwt' }, {}],
    ['dpop_proof', { alg: 'ES256' }, { htm: 'POST', htu: 'https://x/token', jti: 'j', iat: S }],
    ['client_assertion', { alg: 'PS256' }, { iss: 'c', sub: 'c', aud: 'https://op', jti: 'j', exp: S }],
    ['jarm_response', { alg: 'RS256' }, { iss: 'i', aud: 'c', exp: S, code: 'x', state: 's' }],
    ['jwt', { alg: 'HS256' }, { foo: 'bar' }],
  ] as const)('%s', (kind, header, claims) => {
    expect(tokenKind(header, claims)).toBe(kind);
  });
});

describe('what was pasted, read', () => {
  const jwt = unsigned(
    { alg: 'RS256', kid: 'k' },
    { iss: 'https://op', sub: 'ana', aud: 'app', exp: S, iat: S, nonce: 'n' },
  );

  test('a JWT alone; a whole Authorization header; a Bearer or DPoP value', () => {
    expect(sections(jwt)).toEqual([
      expect.objectContaining({
        from: '',
        kind: 'id_token',
        claims: expect.objectContaining({ sub: 'ana' }) as unknown,
      }),
    ]);
    expect(sections(`Authorization: Bearer ${jwt}`)[0]).toMatchObject({ from: 'authorization', token: jwt });
    expect(sections(`DPoP ${jwt}`)[0]).toMatchObject({ from: 'authorization', token: jwt });
  });

  test('a token response: a section per token, named by its field; an opaque token said opaque', () => {
    const read = sections(
      JSON.stringify({
        access_token: 'opaque-abcdef0123456789',
        token_type: 'Bearer',
        id_token: jwt,
        expires_in: 60,
        scope: 'openid',
      }),
    );
    expect(read.map((s) => [s.from, s.kind])).toEqual([
      ['access_token', 'opaque'],
      ['id_token', 'id_token'],
    ]);
  });

  test('a JWE: its header only', () => {
    const jwe = `${base64url.encode('{"alg":"RSA-OAEP","enc":"A256GCM"}')}.a.b.c.d`;
    expect(sections(jwe)[0]).toMatchObject({ kind: 'jwe', header: { enc: 'A256GCM' } });
    expect(sections(jwe)[0]!.claims).toBeUndefined();
  });

  test('not a token: empty, words, a short word, broken JSON, JSON without tokens, a JWT that does not decode', () => {
    expect(refused('   ')).toMatch(/Token is empty/);
    expect(refused('hello world')).toMatch(/This is not a token/);
    expect(refused('abc123')).toMatch(/This is not a token/);
    expect(refused('{"access_token": ')).toMatch(/looks like JSON but does not parse/);
    expect(refused('{"error":"invalid_grant"}')).toMatch(/This JSON holds no token/);
    expect(refused('eyJub3Q.eyJhbGciOi.x')).toMatch(/shaped like a JWT but does not decode/);
  });

  test('registered names are explained; others are not', () => {
    expect(claimMeaning('exp')).toBe('claimWhat_exp');
    expect(claimMeaning('cnf')).toBe('claimWhat_cnf');
    expect(claimMeaning('favourite_colour')).toBeUndefined();
    expect(headerMeaning('x5t#S256')).toBe('headerWhat_x5t_S256');
    expect(inEnglish({ say: { id: claimMeaning('aud')!, subs: [] } })).toMatch(/audience: who may accept it/);
  });
});

describe('a pasted token verified against the keys given', () => {
  const claims = { iss: 'https://op', sub: 'ana', aud: 'app', iat: S - 60, exp: S + 3600 };
  const signed = async (alg: 'RS256' | 'ES256', more: object = {}) => {
    const pair = await generateKeyPair(alg, { extractable: true });
    const token = await new SignJWT({ ...claims, ...more })
      .setProtectedHeader({ alg, kid: 'k1' })
      .sign(pair.privateKey);
    return { token, ...pair };
  };
  const statuses = async (token: string, key: Parameters<typeof verifyPasted>[1], now = NOW) => {
    const result = await verifyPasted(token, key, now);
    if ('error' in result) return [inEnglish(result.error) ?? ''];
    return result.checks.map((c) => `${c.id} ${c.status} ${inEnglish({ say: c.actualSay! })}`);
  };

  test('a JWKS holding its key verifies; another key, or none with its kid, fails, saying which', async () => {
    const { token, publicKey } = await signed('RS256');
    const jwk = await exportJWK(publicKey);
    expect(await statuses(token, { jwks: JSON.stringify({ keys: [{ ...jwk, kid: 'k1' }] }) })).toEqual([
      'read.signature pass valid (RS256)',
      expect.stringMatching(/^read\.time pass valid until /),
    ]);
    // A single JWK is a set of one.
    expect((await statuses(token, { jwks: JSON.stringify({ ...jwk, kid: 'k1' }) }))[0]).toBe(
      'read.signature pass valid (RS256)',
    );
    const other = await exportJWK((await generateKeyPair('RS256')).publicKey);
    expect((await statuses(token, { jwks: JSON.stringify({ keys: [{ ...other, kid: 'k1' }] }) }))[0]).toMatch(
      /fail the signature does not verify/,
    );
    expect((await statuses(token, { jwks: JSON.stringify({ keys: [{ ...other, kid: 'k9' }] }) }))[0]).toMatch(
      /fail no key with kid k1/,
    );
  });

  test('a PEM public key verifies; a private key, a JWKS that is not JSON or not a set, garbage: each said', async () => {
    const { token, publicKey, privateKey } = await signed('ES256');
    expect((await statuses(token, { pem: await exportSPKI(publicKey) }))[0]).toBe(
      'read.signature pass valid (ES256)',
    );
    expect((await statuses(token, { pem: await exportPKCS8(privateKey) })).join()).toMatch(
      /this is a private key/,
    );
    expect((await statuses(token, { jwks: '{"keys": [' })).join()).toMatch(/this JWKS is not JSON/);
    expect((await statuses(token, { jwks: '{"foo": 1}' })).join()).toMatch(/neither a JWKS/);
    expect((await statuses(token, { pem: 'not a key' })).join()).toMatch(
      /neither a JWKS nor a PEM public key/,
    );
  });

  test('a shared secret for HS256; a public-key token refuses one', async () => {
    const secret = 'a-shared-secret-of-thirty-two-chars!';
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode(secret));
    expect((await statuses(token, { secret }))[0]).toBe('read.signature pass valid (HS256)');
    expect((await statuses(token, { secret: 'wrong' }))[0]).toMatch(/fail the signature does not verify/);
    const { token: rs } = await signed('RS256');
    expect((await statuses(rs, { secret })).join()).toMatch(/signed with RS256, a public-key algorithm/);
  });

  test('alg none refused; expired and not yet valid said with when', async () => {
    const none = unsigned({ alg: 'none' }, claims).replace(/c2ln$/, '');
    expect((await statuses(none, { jwks: '{"keys":[]}' }))[0]).toBe(
      'read.signature fail alg: none: the token is unsigned, and is refused',
    );
    const { token, publicKey } = await signed('RS256', { nbf: S + 600 });
    const pem = await exportSPKI(publicKey);
    expect((await statuses(token, { pem }, NOW + 7200_000))[1]).toMatch(
      /^read\.time fail expired at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/,
    );
    expect((await statuses(token, { pem }))[1]).toMatch(/^read\.time fail not valid before /);
  });
});
