import { base64url } from 'jose';

/** Source of cryptographically strong bytes; the worker passes `crypto.getRandomValues`. */
export type RandomBytes = (length: number) => Uint8Array;

export const webRandom: RandomBytes = (length) => crypto.getRandomValues(new Uint8Array(length));

/** A base64url string of `bytes` random bytes (32 bytes = 256 bits, well above RFC 6749 §10.10's 128). */
export function randomToken(random: RandomBytes, bytes = 32): string {
  return base64url.encode(random(bytes));
}
