import { nameKey } from '../run/secret-names.ts';

/**
 * The fields of a token-shaped answer (token, refresh; later device polls) that carry no credential.
 * Every other string in such an answer is a secret, under whatever name the provider chose
 * (`{"access": …}`, `{"accessToken": {"value": …}}`), and so is a body that is a bare JSON string.
 */
const PUBLIC_TOKEN_FIELDS = new Set(
  [
    'token_type',
    'scope',
    'expires_in',
    'refresh_expires_in',
    'refresh_token_expires_in',
    'ext_expires_in',
    'expires_on',
    'not_before',
    'not-before-policy',
    'issued_token_type',
    'session_state',
    'error',
    'error_description',
    'error_uri',
  ].map(nameKey),
);

export const isPublicTokenField = (name: string): boolean => PUBLIC_TOKEN_FIELDS.has(nameKey(name));

/**
 * The headers whose values a reader of a report needs: what the body is, caching and dates, why a
 * request was refused, DPoP's nonce, and the correlation ids a vendor asks for first. Any other
 * header (a token in a response header, a session cookie) keeps its name on disk and in reports, not
 * its value.
 */
const PUBLIC_HEADERS = new Set([
  'accept',
  'content-type',
  'content-length',
  'content-encoding',
  'content-language',
  'cache-control',
  'pragma',
  'expires',
  'date',
  'age',
  'vary',
  'etag',
  'last-modified',
  'retry-after',
  'www-authenticate',
  'dpop-nonce',
  'server',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'x-powered-by',
  'strict-transport-security',
  'x-content-type-options',
  'x-frame-options',
  'x-xss-protection',
  'referrer-policy',
  'content-security-policy',
  'cross-origin-opener-policy',
  'cross-origin-resource-policy',
  'x-request-id',
  'request-id',
  'x-correlation-id',
  'x-ms-request-id',
  'client-request-id',
  'traceparent',
  'cf-ray',
  'x-amzn-trace-id',
  'access-control-allow-origin',
  'access-control-allow-credentials',
  'access-control-allow-headers',
  'access-control-allow-methods',
  'access-control-expose-headers',
  'access-control-max-age',
]);

export const isPublicHeader = (name: string): boolean => PUBLIC_HEADERS.has(name.toLowerCase());

/** What stands in place of a header value withheld from the disk copy and the reports. */
export const HEADER_WITHHELD = '[value withheld]';
