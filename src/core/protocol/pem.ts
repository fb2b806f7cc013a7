/*
 * PEM armour (RFC 7468): a label and the DER bytes in base64 (standard, not base64url), 64 characters a
 * line. WebCrypto reads and writes the DER (`pkcs8`, `spki`) itself; only the armour is done here, so the
 * worker carries no ASN.1 parser.
 */

/** The DER bytes of the first `label` block of `text`, or undefined when there is none or it is not base64. */
export function pemBody(text: string, label: string): Uint8Array<ArrayBuffer> | undefined {
  const block = new RegExp(`-----BEGIN ${label}-----([A-Za-z0-9+/=\\s]*)-----END ${label}-----`).exec(text);
  if (!block) return undefined;
  try {
    return Uint8Array.from(atob(block[1]!.replace(/\s+/g, '')), (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

/** `der` armoured under `label`, lines of 64 characters, a final newline (as openssl writes it). */
export function toPem(label: string, der: ArrayBuffer): string {
  const base64 = btoa(String.fromCharCode(...new Uint8Array(der)));
  const lines = base64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
