import { say, type Said } from '../../core/i18n/say.ts';
import { decodeToken } from '../../core/protocol/jwt.ts';
import { bodyText, header, originOf, paramsOf, type HarEntry } from './har.ts';
import type { HarIndex, TokenCall } from './har-index.ts';
import { parsedObject } from '../../core/protocol/discovery.ts';

/**
 * The failure classes support staff meet most (`failure-classes.md` of the corpus), recognised from
 * the shapes their recordings show and said in plain words: each a finding beside the login's own.
 */

const SILENT_REFUSALS = new Set(['login_required', 'interaction_required', 'consent_required']);
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** What one login's requests show of a known class (a `#` in the redirect URI, a code in a fragment…). */
export function loginFindings(f: {
  authorize: HarEntry;
  sent: URLSearchParams;
  callback: HarEntry | undefined;
  answer: URLSearchParams | undefined;
  har: HarIndex;
}): Said[] {
  const { authorize, sent, callback, answer, har } = f;
  const found: Said[] = [];
  const redirectUri = sent.get('redirect_uri') ?? '';
  // RFC 6749 §3.1.2: the redirection endpoint URI MUST NOT include a fragment (a hash router's `/#/cb`).
  if (redirectUri.includes('#')) found.push(say('dxHashInRedirect', redirectUri));
  // Asked for the query (response_type=code, no response_mode), the code came in the fragment.
  const mode = sent.get('response_mode');
  if (
    callback &&
    answer?.has('code') &&
    sent.get('response_type') === 'code' &&
    (mode === null || mode === 'query') &&
    callback.request.method === 'GET' &&
    !paramsOf(callback.request.url).has('code') &&
    !callback.request.url.startsWith(originOf(authorize.request.url))
  )
    found.push(say('dxCodeInFragment'));
  // An http redirect URI behind a TLS proxy: the hop to https drops the parameters.
  const to = callback
    ? (header(callback.response.headers, 'location') ?? callback.response.redirectURL)
    : undefined;
  if (
    callback?.request.url.startsWith('http://') &&
    REDIRECTS.has(callback.response.status) &&
    to?.startsWith('https://') &&
    !/[?&#]code=/.test(to)
  )
    found.push(say('dxHttpHop', callback.request.url.split('?')[0]!, to));
  // A silent login in an iframe refused although a login at this provider succeeded moments before.
  const error = answer?.get('error') ?? '';
  if (
    sent.get('prompt') === 'none' &&
    SILENT_REFUSALS.has(error) &&
    header(authorize.request.headers, 'sec-fetch-dest') === 'iframe' &&
    redirectUri &&
    har
      .beforeOn(originOf(redirectUri), authorize.startedDateTime)
      .some((e) => har.callbackParams(e).has('code'))
  )
    found.push(say('dxSilentRenewBlocked', error));
  return found;
}

/** Two refresh requests with the same refresh token moments apart: the race of two tabs or processes. */
export function refreshRaces(calls: TokenCall[]): Map<TokenCall, Said> {
  const races = new Map<TokenCall, Said>();
  const first = new Map<string, TokenCall>();
  for (const call of calls) {
    const token = call.params.get('grant_type') === 'refresh_token' ? call.params.get('refresh_token') : null;
    if (!token) continue;
    const earlier = first.get(token);
    const apart = earlier
      ? Date.parse(call.entry.startedDateTime) - Date.parse(earlier.entry.startedDateTime)
      : NaN;
    if (earlier && apart <= 10_000)
      races.set(
        call,
        say('dxRefreshRace', Math.round(apart), earlier.entry.response.status, call.entry.response.status),
      );
    else first.set(token, call);
  }
  return races;
}

/** A dynamic client registration (RFC 7591 §3): its client metadata has `redirect_uris`. */
export function registrations(har: HarIndex): { notes: Said[]; problems: Said[] } {
  const notes: Said[] = [];
  const problems: Said[] = [];
  for (const e of har.sorted) {
    if (e.request.method !== 'POST' || !e.request.postData?.text?.includes('redirect_uris')) continue;
    const sent = parsedObject(e.request.postData.text);
    if (!Array.isArray(sent?.redirect_uris)) continue;
    const answer = parsedObject(bodyText(e));
    const url = e.request.url.split('?')[0]!;
    if (e.response.status >= 200 && e.response.status < 300 && typeof answer?.client_id === 'string')
      notes.push(say('noteRegistered', url, answer.client_id));
    else
      problems.push(
        say(
          'dxRegistrationRefused',
          url,
          e.response.status,
          typeof answer?.error === 'string' ? answer.error : say('dxNoErrorCode'),
          typeof answer?.error_description === 'string' ? answer.error_description : '',
        ),
      );
  }
  return { notes, problems };
}

/**
 * An API that refused the access token as invalid (RFC 6750 §3.1) whose `aud` does not name it: a token
 * asked for another audience (RFC 8707's resource, or the provider's audience parameter).
 */
export function wrongAudiences(har: HarIndex): Said[] {
  const found: Said[] = [];
  for (const e of har.sorted) {
    if (
      e.response.status !== 401 ||
      !/invalid_token/.test(header(e.response.headers, 'www-authenticate') ?? '')
    )
      continue;
    const bearer = /^Bearer\s+(\S+)/i.exec(header(e.request.headers, 'authorization') ?? '')?.[1];
    const decoded = bearer ? decodeToken(bearer) : undefined;
    if (decoded?.kind !== 'jwt') continue;
    const claimed: unknown = decoded.claims.aud;
    const aud = (Array.isArray(claimed) ? claimed : [claimed]).filter(
      (a): a is string => typeof a === 'string',
    );
    const api = originOf(e.request.url);
    if (aud.some((a) => a === api || e.request.url.startsWith(a) || a === api.replace(/^https?:\/\//, '')))
      continue;
    found.push(say('dxWrongAudience', api, aud.join(', ') || say('dxNoAud')));
    if (found.length >= 3) break;
  }
  return found;
}
