import { outcome } from '../../core/checks/check.ts';
import { parsedObject } from '../../core/protocol/discovery.ts';
import { originAndPath } from '../../core/protocol/params.ts';
import { nameKey } from '../../core/run/secret-names.ts';
import { say, type Said } from '../../core/i18n/say.ts';
import { blockedCall } from './blocked.ts';
import { tokenAnswered } from './diagnosis.ts';
import {
  basicClientId,
  bodyText,
  formParams,
  header,
  originOf,
  paramsOf,
  tokenParams,
  type HarEntry,
} from './har.ts';
import { HarIndex, type TokenCall } from './har-index.ts';
import { windows, type LoginWindow } from './login-windows.ts';
import { analyse, GRANT_RULE, tokensOf } from './login.ts';
import { distinctLogins, fromTheMiddle } from './middle.ts';
import { refreshRaces, registrations, wrongAudiences } from './classes.ts';
import { isIdentityApi, providerSignIn, samlSignIn, wentNowhere } from './elsewhere.ts';
import { event, type LoginAttempt, type Trace } from './trace-types.ts';

export type { LoginAttempt, Trace, TraceEvent } from './trace-types.ts';

/** `response_type` (or PAR's `request_uri`), however the app spelled the name (`response%5Ftype` too). */
const AUTHORIZE_HINT = /(response(_|%5f)type|request(_|%5f)uri)=/i;

/**
 * An authorization request: a GET with its parameters in the URL (or PAR's `request_uri`), or a form
 * POST; never the pushed authorization request itself (its answer is a `request_uri`).
 */
function isAuthorize(e: HarEntry, har: HarIndex): boolean {
  if (e.request.method === 'GET') {
    if (!AUTHORIZE_HINT.test(e.request.url)) return false;
    const p = paramsOf(e.request.url);
    return p.has('client_id') && (p.has('response_type') || p.has('request_uri'));
  }
  const form = e.request.method === 'POST' ? formParams(e) : undefined;
  return !!form?.has('response_type') && form.has('client_id') && !form.has('grant_type') && !har.isPushed(e);
}

/** A busy app's HAR has thousands of entries on a few origins: each origin is parsed once. */
function hostsOf(urls: string[]): string[] {
  const byOrigin = new Map<string, string>();
  for (const url of urls) {
    const origin = originOf(url);
    if (byOrigin.has(origin)) continue;
    try {
      byOrigin.set(origin, new URL(url).host);
    } catch {
      byOrigin.set(origin, '');
    }
  }
  return [...new Set(byOrigin.values())].filter(Boolean);
}

/**
 * A token request with no authorization request before it in the HAR (a password grant, a refresh,
 * client credentials, token exchange, or a code whose login was recorded elsewhere).
 */
function analyseToken({ entry, params }: TokenCall, har: HarIndex, window: LoginWindow): LoginAttempt {
  const grant = params.get('grant_type') ?? '';
  const metadata = har.metadataFor(entry.request.url, 'token_endpoint');
  const issuer = typeof metadata?.issuer === 'string' ? metadata.issuer : originOf(entry.request.url);
  const { body, tokens, evidence } = tokensOf(entry, metadata);
  const calls = har.callsAt(originOf(entry.request.url), metadata, window);
  const password = grant === 'password';
  const diagnosis = [
    // RFC 9700 §2.4: the resource owner password credentials grant MUST NOT be used.
    ...(password ? [say('dxPasswordGrant')] : []),
    ...tokenAnswered(entry, body, false),
    blockedCall('token', entry, har.preflight(entry)),
  ].filter((d): d is Said => d !== undefined);
  const issued = entry.response.status < 300 && tokens.length > 0;
  return {
    ...(issued ? { succeeded: say('okTokenIssued') } : {}),
    grant,
    clientId: params.get('client_id') ?? basicClientId(entry) ?? '',
    issuer,
    events: [event(entry, 'token'), ...calls.events].sort((a, b) => a.at.localeCompare(b.at)),
    checks: [outcome(GRANT_RULE, password ? 'warn' : 'pass', say('exNotPasswordGrant'), grant)],
    diagnosis,
    tokens,
    evidence,
  };
}

const PASSWORD_NAMES = new Set(['password', 'passwd', 'pwd'].map(nameKey));

/**
 * A login through the app's own server: a password posted to an origin that is not a provider's,
 * answered with tokens or a session. The provider's side of such a login never reaches the browser.
 */
function backendLogins(har: HarIndex, providers: Set<string>): Said[] {
  const notes: Said[] = [];
  for (const e of har.sorted) {
    if (e.request.method !== 'POST' || providers.has(originOf(e.request.url))) continue;
    const params = tokenParams(e);
    if (!params || params.has('grant_type')) continue;
    if (![...params.keys()].some((k) => PASSWORD_NAMES.has(nameKey(k)))) continue;
    const answer = parsedObject(bodyText(e));
    const back = Object.keys(answer ?? {}).some((k) => /token$/i.test(k))
      ? say('backendTokens')
      : header(e.response.headers, 'set-cookie') !== undefined
        ? say('backendSession')
        : say('backendNothing');
    // An embedded login (Auth0's Lock, a custom domain) posts OAuth's parameters with the password.
    const embedded = params.has('client_id') && (params.has('redirect_uri') || params.has('response_type'));
    notes.push(
      embedded || isIdentityApi(e.request.url)
        ? providerSignIn(e, back)
        : say('noteBackendLogin', originAndPath(e.request.url), e.response.status, back),
    );
  }
  return notes;
}

/** Every OAuth 2.0 / OIDC login in the HAR, and every token request outside one, without being told the provider. */
export function traceLogins(entries: HarEntry[]): Trace {
  const har = new HarIndex(entries);
  const claimed = new Set<HarEntry>();
  const authorizes = distinctLogins(
    har.sorted.filter((e) => isAuthorize(e, har)),
    har,
  );
  const loginWindows = windows(authorizes);
  const callbacks = new Set<HarEntry>();
  const logins = authorizes.map((a, i) => {
    const { attempt, claimed: redeems, callback } = analyse(a, har, loginWindows[i]!);
    for (const e of redeems) claimed.add(e);
    if (callback) callbacks.add(callback);
    return attempt;
  });
  const middles = fromTheMiddle(har, callbacks, claimed);
  const loneCalls = har.tokenCalls.filter((c) => !claimed.has(c.entry));
  const loneWindows = windows([...authorizes, ...loneCalls.map((c) => c.entry)]).slice(authorizes.length);
  const races = refreshRaces(loneCalls);
  const lone = loneCalls.map((c, i) => {
    const attempt = analyseToken(c, har, loneWindows[i]!);
    const race = races.get(c);
    return race ? { ...attempt, diagnosis: [race, ...attempt.diagnosis], succeeded: undefined } : attempt;
  });
  // In the order they began: a login at its authorization request, a lone token request at itself.
  const started = [...authorizes, ...loneCalls.map((c) => c.entry)].map((e) => e.startedDateTime);
  const attempts = [...[...logins, ...lone].map((attempt, i) => ({ attempt, at: started[i]! })), ...middles]
    .sort((a, b) => a.at.localeCompare(b.at))
    .map((a) => a.attempt);
  const providers = new Set([
    ...authorizes.map((e) => originOf(e.request.url)),
    ...har.tokenCalls.map((c) => originOf(c.entry.request.url)),
  ]);
  const saml = samlSignIn(har);
  const registered = registrations(har);
  const notes: Said[] = [
    ...wentNowhere(har, started.length ? started.reduce((a, b) => (a < b ? a : b)) : undefined, providers),
    ...(saml ? [saml] : []),
    ...backendLogins(har, providers),
    ...registered.notes,
  ];
  const problems = [...registered.problems, ...wrongAudiences(har)];
  // Only an export that kept no cookie and no Authorization header at all (Chrome's sanitized one) hides
  // client authentication; a file that kept them (Firefox's, with its cookies) shows a public client.
  const sanitized =
    !har.keptCookies && !har.sorted.some((e) => header(e.request.headers, 'authorization') !== undefined);
  if (
    sanitized &&
    har.tokenCalls.length &&
    har.tokenCalls.every(
      (c) =>
        !header(c.entry.request.headers, 'authorization') &&
        !c.params.has('client_secret') &&
        !c.params.has('client_assertion'),
    )
  )
    notes.push(say('noteNoCredentials'));
  return {
    attempts,
    hosts: hostsOf(har.sorted.map((e) => e.request.url)),
    notes,
    ...(problems.length ? { problems } : {}),
  };
}
