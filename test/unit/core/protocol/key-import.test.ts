import { generateKeyPairSync } from 'node:crypto';
import { calculateJwkThumbprint, exportJWK, exportPKCS8, generateKeyPair } from 'jose';
import { describe, expect, test } from 'vitest';
import { modulusBits, readPrivateKey } from '../../../../src/core/protocol/key-import.ts';
import { inEnglish } from '../../../support/words.ts';

const refusal = async (text: string, alg: 'ES256' | 'PS256' = 'ES256') => {
  const read = await readPrivateKey(text, alg);
  if (read.ok) throw new Error('read a key it should have refused');
  return inEnglish(read.error);
};

const OPENSSL = 'openssl pkcs8 -topk8 -nocrypt -in key.pem -out key.pk8.pem';

describe('importing a private key (PKCS#8 PEM or JWK)', () => {
  test('a PKCS#8 PEM: its public half and RFC 7638 thumbprint, the private members kept apart', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    const read = await readPrivateKey(`\n${await exportPKCS8(privateKey)}\n`, 'ES256');
    if (!read.ok) throw new Error(JSON.stringify(read.error));
    const pub = await exportJWK(publicKey);
    expect(read.value.publicJwk).toEqual({ kty: 'EC', crv: 'P-256', x: pub.x, y: pub.y });
    expect(read.value.thumbprint).toBe(await calculateJwkThumbprint(pub));
    expect(read.value.privateJwk.d).toBeTypeOf('string');
    expect(read.value.publicJwk).not.toHaveProperty('d');
    expect(read.value.kid).toBeUndefined();
  });

  test('a private JWK (or a JWKS of one) keeps its own kid; RSA for PS256', async () => {
    const { privateKey } = await generateKeyPair('PS256', { extractable: true, modulusLength: 2048 });
    const jwk = {
      ...(await exportJWK(privateKey)),
      kid: 'bank-registered-kid',
      use: 'sig',
      key_ops: ['verify'],
    };
    for (const text of [JSON.stringify(jwk), JSON.stringify({ keys: [jwk] })]) {
      const read = await readPrivateKey(text, 'PS256');
      if (!read.ok) throw new Error(JSON.stringify(read.error));
      expect(read.value.kid).toBe('bank-registered-kid');
      expect(Object.keys(read.value.publicJwk).sort()).toEqual(['e', 'kty', 'n']);
      // Only key members: no key_ops (which would forbid signing), no use.
      expect(Object.keys(read.value.privateJwk).sort()).toEqual([
        'd',
        'dp',
        'dq',
        'e',
        'kty',
        'n',
        'p',
        'q',
        'qi',
      ]);
    }
  });

  test('SEC1, PKCS#1 and encrypted keys are refused with the command that converts them', async () => {
    const sec1 = generateKeyPairSync('ec', {
      namedCurve: 'P-256',
      privateKeyEncoding: { type: 'sec1', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    expect(await refusal(sec1.privateKey)).toBe(
      `This key file cannot be used: it is an EC key in SEC1 form (BEGIN EC PRIVATE KEY). Convert it to PKCS#8 first: ${OPENSSL}`,
    );
    const pkcs1 = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    expect(await refusal(pkcs1.privateKey, 'PS256')).toMatch(
      /RSA key in PKCS#1 form .* openssl pkcs8 -topk8/,
    );
    const encrypted = generateKeyPairSync('ec', {
      namedCurve: 'P-256',
      privateKeyEncoding: { type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'p' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    expect(await refusal(encrypted.privateKey)).toMatch(/encrypted private key\. Decrypt it .* -nocrypt/);
    // The public half is not the key.
    expect(await refusal(sec1.publicKey)).toMatch(/public key or a certificate; the private key is needed/);
  });

  test('a key of the wrong type, a JWK without d, a short RSA key, and what is no key at all', async () => {
    const rsa = await generateKeyPair('PS256', { extractable: true, modulusLength: 2048 });
    expect(await refusal(await exportPKCS8(rsa.privateKey), 'ES256')).toBe(
      'This key file cannot be used: it is an RSA key, but Key type is ES256.',
    );
    const ec = await generateKeyPair('ES256', { extractable: true });
    expect(await refusal(JSON.stringify(await exportJWK(ec.privateKey)), 'PS256')).toMatch(
      /it is an EC P-256 key, but Key type is PS256/,
    );
    expect(await refusal(JSON.stringify(await exportJWK(ec.publicKey)))).toMatch(
      /this JWK has no private part \(d\): it is a public key/,
    );
    const short = generateKeyPairSync('rsa', { modulusLength: 1024 });
    expect(await refusal(JSON.stringify(short.privateKey.export({ format: 'jwk' })), 'PS256')).toMatch(
      /the RSA key has 1024 bits; FAPI 2.0 wants at least 2048/,
    );
    expect(await refusal('')).toMatch(/the file is empty/);
    expect(await refusal('hello')).toMatch(/neither a PKCS#8 PEM \(BEGIN PRIVATE KEY\) nor a JWK/);
    expect(await refusal('{"kty": ')).toMatch(/starts like a JWK but is not JSON/);
    expect(await refusal('{"keys": []}')).toMatch(/JWKS without exactly one key/);
    expect(await refusal('-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----')).toMatch(
      /WebCrypto could not read it/,
    );
  });

  test('an RSA modulus’s size from its base64url text', () => {
    expect(modulusBits('A'.repeat(342))).toBe(2048);
    expect(modulusBits('A'.repeat(171))).toBe(1024);
  });
});
