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

/**
 * The parameters and fields that carry no credential however random they look: what a request is for
 * (`client_id`, `redirect_uri`, `scope`…), PKCE's challenge (public by design), the login's own
 * correlation (`state`, whose JWT still loses its signature; `nonce`, `session_state`) and key and
 * token ids. The HAR's shared copy keeps them; any other random-looking value goes (by its shape).
 */
const PUBLIC_PARAMS = new Set(
  [
    'client_id',
    'redirect_uri',
    'post_logout_redirect_uri',
    'scope',
    'response_type',
    'response_mode',
    'code_challenge',
    'code_challenge_method',
    'state',
    'nonce',
    'session_state',
    'kid',
    'jti',
    'x5t',
    'x5t#S256',
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
  // FAPI's correlation id, sent by Call an API and echoed by the API.
  'x-fapi-interaction-id',
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

/**
 * Correlation ids and digests by the shape of their names (`x-azure-ref`, `x-oss-request-id`,
 * `trace-id`, `x-ms-activity-id`, `content-md5`): what a vendor asks for to find a request in its logs.
 */
const CORRELATION =
  /(request|trace|correlation|activity|span|transaction)id$|^x\w*ref$|^contentmd5$|^digest$/;

/** A parameter, field or header name whose value is public (a correlation id is one by either list). */
export const isPublicName = (name: string): boolean =>
  PUBLIC_PARAMS.has(nameKey(name)) || isPublicHeader(name) || CORRELATION.test(nameKey(name));

/** What stands in place of a header value withheld from the disk copy and the reports. */
export const HEADER_WITHHELD = '[value withheld]';
