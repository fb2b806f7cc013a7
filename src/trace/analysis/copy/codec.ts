/** application/x-www-form-urlencoded decoding that never throws: a stray `%` stays as it is. */
export function decodeForm(text: string): string {
  const plus = text.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(plus);
  } catch {
    return plus.replace(/%[0-9a-fA-F]{2}/g, (h) => {
      try {
        return decodeURIComponent(h);
      } catch {
        return h;
      }
    });
  }
}

/** A replacement written into a URL or a form: encoded, the cleaner's markers kept readable. */
export const encodeForm = (value: string): string =>
  encodeURIComponent(value).replace(
    /%5B(signature%20redacted|redacted|encrypted)%5D/g,
    (_m, word: string) => `[${word.replace('%20', ' ')}]`,
  );

/** A JSON text parsed, or undefined when the text is not one (never throws). */
export function parseJson(text: string): unknown {
  const t = text.trim();
  if (!t || !'{["'.includes(t[0]!)) return undefined;
  try {
    const value: unknown = JSON.parse(t);
    return value;
  } catch {
    return undefined;
  }
}

/** A base64 body as text when its bytes are UTF-8 text (no control characters but white space). */
export function decodeBase64(text: string): string | undefined {
  try {
    const plain = new TextDecoder('utf-8', { fatal: true }).decode(
      Uint8Array.from(atob(text), (c) => c.charCodeAt(0)),
    );
    return looksLikeText(plain) ? plain : undefined;
  } catch {
    return undefined;
  }
}

/** No control character but tab, line feed, form feed and carriage return in its first 4 KB. */
export function looksLikeText(text: string): boolean {
  for (let i = 0; i < Math.min(text.length, 4096); i++) {
    const c = text.charCodeAt(i);
    if (c < 32 && (c < 9 || c > 13)) return false;
  }
  return true;
}

export const encodeBase64 = (text: string): string => {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
};

/** The spellings a value may stand in: as is, percent-encoded (either case), form-encoded, JSON-escaped. */
export function spellings(value: string): string[] {
  const uri = encodeURIComponent(value);
  const form = new URLSearchParams({ v: value }).toString().slice(2);
  const json = JSON.stringify(value).slice(1, -1);
  const lower = (s: string) => s.replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase());
  return [...new Set([value, uri, lower(uri), form, lower(form), json, json.replace(/\//g, '\\/')])];
}
