import { CompactEncrypt, SignJWT, generateKeyPair } from 'jose';
import { describe, expect, test } from 'vitest';
import { decodeToken } from '../../../../src/core/protocol/jwt.ts';

const NOW = 1_790_000_000_000; // a frozen clock for everything below

describe('token decoding (jose)', () => {
  test('a signed JWT yields its header and claims', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const jwt = await new SignJWT({ sub: 'ana', nonce: 'n' })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setIssuedAt(NOW / 1000)
      .sign(privateKey);
    expect(decodeToken(jwt)).toEqual({
      kind: 'jwt',
      header: { alg: 'ES256', kid: 'k1' },
      claims: { sub: 'ana', nonce: 'n', iat: NOW / 1000 },
    });
  });

  test('an encrypted id_token is reported as JWE with its header, not as garbage', async () => {
    const { publicKey } = await generateKeyPair('RSA-OAEP-256');
    const jwe = await new CompactEncrypt(new TextEncoder().encode('{}'))
      .setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM' })
      .encrypt(publicKey);
    expect(decodeToken(jwe)).toEqual({ kind: 'jwe', header: { alg: 'RSA-OAEP-256', enc: 'A256GCM' } });
  });

  test('opaque and broken tokens are told apart', () => {
    expect(decodeToken('WV6G4HKBr')).toEqual({ kind: 'opaque' });
    expect(decodeToken('eyJhbGciOiJIUzI1NiJ9.eyJ')).toEqual({ kind: 'opaque' });
    expect(decodeToken('eyJhbGciOiJIUzI1NiJ9.eyJ.sig').kind).toBe('malformed');
  });
});
