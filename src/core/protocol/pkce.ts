import { base64url } from 'jose';
import { randomToken, type RandomBytes } from './random.ts';

export interface Pkce {
  verifier: string;
  challenge: string;
  method: 'S256';
}

/** RFC 7636 §4.2: challenge = BASE64URL(SHA256(ASCII(verifier))). */
export async function s256Challenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url.encode(new Uint8Array(digest));
}

/** RFC 7636 §4.1: a 43-character verifier from 32 random bytes. */
export async function createPkce(random: RandomBytes): Promise<Pkce> {
  const verifier = randomToken(random, 32);
  return { verifier, challenge: await s256Challenge(verifier), method: 'S256' };
}
