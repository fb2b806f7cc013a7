import type { FlowErrorInfo } from '../flow-error.ts';
import { say, sayHint, type Said } from '../i18n/say.ts';
import { scopeList } from '../profile/profile.ts';
import type { Exchange, HttpRequest } from './http.ts';
import { bearerChallenge } from './userinfo.ts';
import { PROVIDER_URL, urlProblem } from './url-rules.ts';

/*
 * Calling the API a token is for (RFC 6750 §2.1, RFC 9449 §7): a request the person writes, sent with
 * the run's access token by the worker's transport, its answer explained (RFC 6750 §3).
 */

export const API_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type ApiMethod = (typeof API_METHODS)[number];

/** The most a request body may hold, in characters. */
export const API_BODY_MAX = 1_000_000;

/** A request to an API as the person wrote it: the token and proof are added by the worker. */
export interface ApiCall {
  method: ApiMethod;
  url: string;
  /** Header rows; an empty row is not sent. */
  headers: [name: string, value: string][];
  body?: string;
  contentType?: string;
  /** FAPI: send a fresh `x-fapi-interaction-id` and check the API echoes it. */
  interactionId?: boolean;
}

/** Headers the token and its proof travel in: the run sets them, a row may not. */
const OWN_HEADERS = new Set(['authorization', 'dpop']);

/**
 * Names a browser does not let an extension set (the Fetch standard's forbidden request headers):
 * refused, so nothing is sent other than what the page shows.
 */
const FORBIDDEN = new Set([
  'accept-charset',
  'accept-encoding',
  'access-control-request-headers',
  'access-control-request-method',
  'connection',
  'content-length',
  'cookie',
  'cookie2',
  'date',
  'dnt',
  'expect',
  'host',
  'keep-alive',
  'origin',
  'referer',
  'set-cookie',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'via',
]);
const forbidden = (name: string) =>
  FORBIDDEN.has(name) || name.startsWith('sec-') || name.startsWith('proxy-');

/** RFC 9110 §5.1: a field name is a token. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** RFC 9110 §5.5: no CR, LF or NUL in a field value. */
const BREAKS = /[\r\n\0]/;

/** The rows that are sent: those with a name or a value. */
const filled = (call: ApiCall) => call.headers.filter(([n, v]) => n.trim() !== '' || v !== '');

/**
 * Why `call` cannot be sent, each problem in a sentence naming its field or row; empty when it can. The
 * URL follows the provider URLs' rules (https off loopback; loopback is allowed, since the person typed it).
 */
export function apiCallProblems(call: ApiCall): Said[] {
  const problems: Said[] = [];
  const url = urlProblem(say('apiUrl'), call.url, PROVIDER_URL);
  if (url) problems.push(url);
  filled(call).forEach(([raw, value], i) => {
    const row = i + 1;
    const name = raw.trim();
    const lower = name.toLowerCase();
    if (!TOKEN.test(name)) problems.push(say('apiHeaderName', row, name));
    else if (OWN_HEADERS.has(lower)) problems.push(say('apiHeaderOwn', row, name));
    else if (forbidden(lower)) problems.push(say('apiHeaderForbidden', row, name));
    if (BREAKS.test(value)) problems.push(say('apiHeaderBreak', row, name));
  });
  const body = call.body ?? '';
  if (body.length > API_BODY_MAX) problems.push(say('apiBodyTooLong', body.length, API_BODY_MAX));
  if (body !== '' && call.method === 'GET') problems.push(say('apiBodyWithGet'));
  if (call.contentType !== undefined && BREAKS.test(call.contentType)) problems.push(say('apiContentType'));
  return problems;
}

/**
 * The request as sent: the person's rows, the body with its content type, the access token under its
 * type's scheme (RFC 6750 §2.1 `Bearer`, RFC 9449 §7.1 `DPoP`: its proof is added by the transport), and
 * the interaction id when asked for.
 */
export function apiRequest(
  call: ApiCall,
  accessToken: string,
  scheme: string,
  interactionId?: string,
): HttpRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of filled(call)) headers[name.trim().toLowerCase()] = value;
  const body = call.body ?? '';
  if (body !== '' && call.contentType) headers['content-type'] = call.contentType;
  if (interactionId) headers['x-fapi-interaction-id'] = interactionId;
  headers.authorization = `${scheme} ${accessToken}`;
  return { method: call.method, url: call.url, headers, ...(body !== '' ? { body } : {}) };
}

/** A fresh RFC 4122 version 4 UUID from `random` bytes, for `x-fapi-interaction-id`. */
export function uuidV4(random: (n: number) => Uint8Array): string {
  const b = random(16);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** What the run knew when the call was made: the scopes granted and when the access token expires. */
export interface ApiContext {
  /** The token response's `scope`, else the scopes asked for (RFC 6749 §5.1: the same when omitted). */
  granted: string;
  /** Epoch ms; undefined when neither `exp` nor `expires_in` says. */
  expiresAt?: number;
  now: number;
}

const MINUTE = 60_000;

/** Why an API refused, per RFC 6750 §3.1, with what the run knows about the token. */
function refusalHint(status: number, challenge: Record<string, string>, context: ApiContext) {
  const expired = context.expiresAt !== undefined && context.expiresAt <= context.now;
  if (challenge.error === 'insufficient_scope') {
    const granted = scopeList(context.granted);
    const wanted = scopeList(challenge.scope ?? '');
    const missing = wanted.filter((s) => !granted.includes(s));
    if (!wanted.length) return sayHint('hintApiScopeUnnamed', granted.join(' ') || '—');
    return missing.length
      ? sayHint('hintApiScopeMissing', wanted.join(' '), granted.join(' ') || '—', missing.join(' '))
      : sayHint('hintApiScopeHeld', wanted.join(' '));
  }
  if (status === 401 && expired)
    return sayHint('hintApiExpired', Math.max(1, Math.round((context.now - context.expiresAt!) / MINUTE)));
  if (challenge.error === 'invalid_token') return sayHint('hintApiInvalidToken');
  if (challenge.error === 'invalid_request') return sayHint('hintApiInvalidRequest');
  return status === 401 ? sayHint('hintApiUnauthorized') : undefined;
}

/**
 * The API's answer read: a 2xx is the API's to judge (nothing to explain); any other status, or none,
 * is the call's error in the API's words with the likely cause.
 */
export function readApiAnswer(exchange: Exchange, context: ApiContext): FlowErrorInfo | undefined {
  const res = exchange.response;
  if (!res) {
    const failure = exchange.failure ?? { code: 'network' as const, ...say('noResponse') };
    // A TLS handshake the API ends for want of a client certificate looks like any network failure here.
    return failure.code === 'network' ? { ...failure, ...sayHint('hintApiNoAnswer') } : failure;
  }
  if (res.status >= 200 && res.status <= 299) return undefined;
  const header = Object.entries(res.headers).find(([n]) => n.toLowerCase() === 'www-authenticate')?.[1];
  const challenge = bearerChallenge(header);
  const said = [challenge.error, challenge.error_description].filter(Boolean).join(' — ');
  return {
    code: 'provider_error',
    ...say('apiHttp', `${res.status}${said ? `: ${said}` : ''}`),
    actual: String(res.status),
    ...refusalHint(res.status, challenge, context),
  };
}
