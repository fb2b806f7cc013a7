import { describe, expect, test } from 'vitest';
import { createPkce, s256Challenge } from '../../../../src/core/protocol/pkce.ts';
import { webRandom } from '../../../../src/core/protocol/random.ts';

describe('PKCE (RFC 7636)', () => {
  test('the S256 challenge matches the RFC’s Appendix B example', async () => {
    await expect(s256Challenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).resolves.toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  test('a verifier is 43 unreserved characters and differs every time', async () => {
    const [a, b] = [await createPkce(webRandom), await createPkce(webRandom)];
    expect(a.verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.verifier).not.toBe(b.verifier);
    expect(a.challenge).toBe(await s256Challenge(a.verifier));
  });
});
