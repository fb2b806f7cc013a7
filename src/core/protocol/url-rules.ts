import { say, type Part, type Said } from '../i18n/say.ts';
/** Loopback per RFC 8252 §8.3: 127.0.0.0/8, `localhost` and `[::1]` (WHATWG URL hostnames). */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** C0, space, DEL, C1 and every other Unicode space: none may stand in a URL as stored. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const CONTROL_OR_SPACE = /[\u0000-\u0020\u007f-\u009f\s]/u;

export interface UrlRule {
  /** An empty value is a problem only when the field is required. */
  required: boolean;
  /** `http://` only on loopback: the secret and the code would otherwise travel in clear. */
  httpsOffLoopback: boolean;
}

/**
 * Why `value` cannot be used as `label`, or undefined: it must be an absolute http(s) URL with no
 * fragment and no credentials; provider URLs also need https off loopback (RFC 6749 §3.1, §10.9).
 */
export function urlProblem(label: Part, value: string, rule: UrlRule): Said | undefined {
  if (value === '') return rule.required ? say('urlEmpty', label) : undefined;
  // `new URL()` drops or encodes these silently, but the string as typed is what is stored, fetched
  // and copied: a control character there (ESC, ^U, a newline) could run commands when pasted.
  if (CONTROL_OR_SPACE.test(value)) return say('urlControl', label);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return say('urlNotAbsolute', label, value);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return say('urlScheme', label, url.protocol);
  if (url.hash) return say('urlFragment', label);
  if (url.username || url.password) return say('urlCredentials', label);
  if (rule.httpsOffLoopback && url.protocol === 'http:' && !isLoopbackHost(url.hostname))
    return say('urlHttps', label);
  return undefined;
}

/** The rule for the provider's own URLs: the issuer and every endpoint. */
export const PROVIDER_URL: UrlRule = { required: true, httpsOffLoopback: true };

const onLoopback = (value: string): boolean => {
  try {
    return isLoopbackHost(new URL(value).hostname);
  } catch {
    return false;
  }
};

/**
 * Whether `url` is on loopback while `issuer` is not: a remote provider naming a local service (an
 * admin page, a database's HTTP port) must never receive what the extension sends its endpoints. A
 * request goes to loopback only when the issuer the person typed is itself on loopback.
 */
export const loopbackUnderRemote = (url: string, issuer: string): boolean =>
  onLoopback(url) && !onLoopback(issuer);
