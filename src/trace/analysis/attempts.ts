import { rfc, oidcCore, outcome, passIf, shown, type Check } from '../../core/checks/check.ts';
import { parsedObject } from '../../core/protocol/discovery.ts';
import { decodeToken, type DecodedToken } from '../../core/protocol/jwt.ts';
import { originAndPath } from '../../core/protocol/params.ts';
import { nameKey } from '../../core/run/secret-names.ts';
import { blockedCall } from './blocked.ts';
import { providerCall, type ProviderCall } from './classify.ts';
import { diagnose, providerPageError, tokenAnswered } from './diagnosis.ts';
import {
  basicClientId,
  bodyText,
  formParams,
  header,
  htmlDecode,
  tokenParams,
  type HarEntry,
} from './har.ts';
import { say, type Said } from '../../core/i18n/say.ts';

/** One request of a login, as the timeline lists it. */
export interface TraceEvent {
  at: string;
  kind: 'authorize' | 'par' | 'callback' | 'token' | ProviderCall;
  method: string;
  url: string;
  status: number;
}

/** One login found in the HAR: its requests, what was checked, and what went wrong in plain words. */
export interface LoginAttempt {
  /** Set for a token request with no authorization request before it: the grant it used (`password`…). */
  grant?: string;
  clientId: string;
  issuer: string;
  events: TraceEvent[];
  checks: Check[];
  diagnosis: Said[];
  tokens: { name: string; decoded: DecodedToken }[];
  /**
   * The ID token as issued, the token response's `Date` header, the PKCE challenge with the verifier
   * the token request sent, and the `jwks_uri` the issuer's discovery document names (the only keys
   * trusted): for the checks that need keys, clocks or a digest.
   */
  evidence: {
    idToken?: string;
    answeredAt?: string;
    pkce?: { challenge: string; verifier: string };
    jwksUri?: string;
  };
}

export interface Trace {
  attempts: LoginAttempt[];
  /** The hosts the HAR saw, named when it holds no login. */
  hosts: string[];
  notes: Said[];
}

type Metadata = Record<string, unknown>;

/** A URL's origin, or '' for a URL that is not absolute (a relative one in a hand-made file). */
const originOf = (url: string): string => /^[a-z][a-z\d+.-]*:\/\/[^/?#]*/i.exec(url)?.[0].toLowerCase() ?? '';

const paramsOf = (url: string): URLSearchParams => {
  try {
    return new URL(url).searchParams;
  } catch {
    return new URLSearchParams();
  }
};

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

const event = (entry: HarEntry, kind: TraceEvent['kind']): TraceEvent => ({
  at: entry.startedDateTime,
  kind,
  method: entry.request.method,
  url: entry.request.url,
  status: entry.response.status,
});

/** Where a response sent the browser (`Location`, or the HAR's `redirectURL`), made absolute. */
function locationOf(e: HarEntry): string | undefined {
  const location = header(e.response.headers, 'location') ?? e.response.redirectURL;
  if (!location) return undefined;
  try {
    return new URL(location, e.request.url).href;
  } catch {
    return location;
  }
}

interface TokenCall {
  entry: HarEntry;
  params: URLSearchParams;
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/**
 * The first index of a time-ordered list at or after `at` (ISO times compare as strings); with
 * `after`, the first strictly after it.
 */
function firstFrom<T extends { startedDateTime: string }>(list: T[], at: string, after = false): number {
  let [lo, hi] = [0, list.length];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const t = list[mid]!.startedDateTime;
    if (t < at || (after && t === at)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The HAR indexed once (by path, origin, where redirects led, codes redeemed): each login is then
 * matched by lookups, so 10,000 logins and 10,000 unrelated callbacks take one pass, not a pass each.
 */
class HarIndex {
  readonly sorted: HarEntry[];
  readonly tokenCalls: TokenCall[] = [];
  readonly discoveries: Metadata[] = [];
  private readonly byPath = new Map<string, HarEntry[]>();
  private readonly byOrigin = new Map<string, HarEntry[]>();
  private readonly ledTo = new Map<string, { entry: HarEntry; startedDateTime: string; to: string }[]>();
  /** The same, only those whose Location carries a fragment (the parameters a callback never sends). */
  private readonly fragmentTo = new Map<string, { startedDateTime: string; to: string }[]>();
  /** Callbacks at a path by the `state` they carry, read once per path. */
  private readonly states = new Map<string, Map<string, HarEntry[]>>();
  private readonly answers = new Map<HarEntry, URLSearchParams>();
  private readonly byCode = new Map<string, TokenCall[]>();
  private readonly pushed = new Map<string, HarEntry>();
  private readonly calls = new Map<string, { events: TraceEvent[]; blocked: Said[] }>();
  /** The export kept cookies (Chrome's default export leaves them out): their absence then means something. */
  readonly keptCookies: boolean;

  constructor(entries: HarEntry[]) {
    this.sorted = [...entries].sort((a, b) => a.startedDateTime.localeCompare(b.startedDateTime));
    this.keptCookies = this.sorted.some((e) => header(e.request.headers, 'cookie') !== undefined);
    for (const e of this.sorted) {
      const path = originAndPath(e.request.url);
      push(this.byPath, path, e);
      push(this.byOrigin, originOf(e.request.url), e);
      const to = locationOf(e);
      if (to) push(this.ledTo, originAndPath(to), { entry: e, startedDateTime: e.startedDateTime, to });
      if (to?.includes('#'))
        push(this.fragmentTo, originAndPath(to), { startedDateTime: e.startedDateTime, to });
      if (e.request.method === 'POST') this.readPost(e);
      if (path.endsWith('/.well-known/openid-configuration')) {
        const metadata = parsedObject(bodyText(e));
        if (metadata) this.discoveries.push(metadata);
      }
    }
  }

  private readPost(e: HarEntry) {
    const params = tokenParams(e);
    if (params?.has('grant_type')) {
      const call = { entry: e, params };
      this.tokenCalls.push(call);
      const code = params.get('code');
      if (params.get('grant_type') === 'authorization_code' && code) push(this.byCode, code, call);
      return;
    }
    // A pushed authorization request (RFC 9126) answers the `request_uri` the authorize request carries.
    const answer = bodyText(e);
    if (answer?.includes('request_uri')) {
      const uri = parsedObject(answer)?.request_uri;
      if (typeof uri === 'string') this.pushed.set(uri, e);
    }
  }

  /**
   * The callback of a login at `path` from `at` on: the first carrying its `state`, else the first
   * back there (a forged or stale one). Callbacks are indexed by state once per path.
   */
  callback(path: string, state: string | undefined, at: string): HarEntry | undefined {
    const list = this.byPath.get(path) ?? [];
    let byState = this.states.get(path);
    if (!byState) {
      byState = new Map();
      for (const e of list) {
        const sent = this.callbackParams(e).get('state');
        if (sent !== null) push(byState, sent, e);
      }
      this.states.set(path, byState);
    }
    const same = state === undefined ? undefined : byState.get(state);
    return same?.[firstFrom(same, at)] ?? list[firstFrom(list, at)];
  }

  /** Entries on an origin from `at` on, at most `limit` of them. */
  onOrigin(origin: string, at: string, limit: number): HarEntry[] {
    const list = this.byOrigin.get(origin) ?? [];
    const from = firstFrom(list, at);
    return list.slice(from, from + limit);
  }

  /** Responses that sent the browser to `path`, from `at` on, with the absolute URL they sent it to. */
  led(path: string, at: string) {
    const list = this.ledTo.get(path) ?? [];
    return list.slice(firstFrom(list, at));
  }

  redeeming(code: string, at: string): TokenCall[] {
    const list = this.byCode.get(code) ?? [];
    return list.filter((c) => c.entry.startedDateTime >= at);
  }

  pushedRequest(requestUri: string): HarEntry | undefined {
    return this.pushed.get(requestUri);
  }

  isPushed(entry: HarEntry): boolean {
    const uri = parsedObject(bodyText(entry))?.request_uri;
    return typeof uri === 'string' && this.pushed.get(uri) === entry;
  }

  /**
   * A form_post callback that reached the app without cookies, where the app had set some that a
   * cross-site POST does not carry (SameSite=Lax, Chrome's default, or Strict).
   */
  lostCookies(callback: HarEntry): boolean {
    if (!this.keptCookies || callback.request.method !== 'POST') return false;
    if (header(callback.request.headers, 'cookie') !== undefined) return false;
    const origin = originOf(callback.request.url);
    return (this.byOrigin.get(origin) ?? []).some(
      (e) =>
        e.startedDateTime < callback.startedDateTime &&
        e.response.headers.some(
          (h) => h.name.toLowerCase() === 'set-cookie' && !/;\s*samesite\s*=\s*none/i.test(h.value),
        ),
    );
  }

  private readonly forms = new Map<HarEntry, ReturnType<typeof readFormPost>>();
  private readonly pageErrors = new Map<HarEntry, Said[] | undefined>();

  /**
   * response_mode=form_post: the provider's auto-submitting page, whose form posts to the redirect
   * URI, holds what the callback carries (read when the POST itself is not in the HAR). Each page is
   * read once, however many logins look at it.
   */
  formPost(entry: HarEntry, redirectUri: string): URLSearchParams | undefined {
    if (!this.forms.has(entry)) this.forms.set(entry, readFormPost(entry));
    const form = this.forms.get(entry);
    return form?.action === redirectUri ? form.params : undefined;
  }

  /** The provider's own error on a page (`providerPageError`), read once per entry. */
  pageError(entry: HarEntry): Said[] | undefined {
    if (!this.pageErrors.has(entry)) this.pageErrors.set(entry, providerPageError(entry));
    return this.pageErrors.get(entry);
  }

  /** The first `OPTIONS` at a path other than `entry`: a CORS preflight. */
  preflight(entry: HarEntry): HarEntry | undefined {
    return this.byPath
      .get(originAndPath(entry.request.url))
      ?.find((e) => e.request.method === 'OPTIONS' && e !== entry);
  }

  /** The discovery document of the provider at `url`: its endpoint, else its issuer, on that origin. */
  metadataFor(url: string, field: 'authorization_endpoint' | 'token_endpoint'): Metadata | undefined {
    const path = originAndPath(url);
    const origin = originOf(url);
    return (
      this.discoveries.find((m) => typeof m[field] === 'string' && originAndPath(m[field]) === path) ??
      this.discoveries.find((m) => typeof m.issuer === 'string' && originOf(m.issuer) === origin)
    );
  }

  /** The provider's other endpoints called (discovery, JWKS, UserInfo…) and those the browser did not complete. */
  callsAt(origin: string, metadata: Metadata | undefined) {
    const key = `${origin}\n${this.discoveries.indexOf(metadata!)}`;
    let found = this.calls.get(key);
    if (!found) {
      const events: TraceEvent[] = [];
      const blocked: Said[] = [];
      for (const e of this.byOrigin.get(origin) ?? []) {
        const kind = providerCall(e, metadata);
        if (!kind) continue;
        events.push(event(e, kind));
        const why = e.request.method !== 'OPTIONS' ? blockedCall(kind, e, this.preflight(e)) : undefined;
        if (why) blocked.push(why);
      }
      found = { events, blocked };
      this.calls.set(key, found);
    }
    return found;
  }

  /**
   * Parameters of a callback: the query, a form_post body, and the fragment read from the `Location`
   * that led there (the browser never sends a fragment).
   */
  callbackParams(entry: HarEntry): URLSearchParams {
    const known = this.answers.get(entry);
    if (known) return known;
    const params = new URLSearchParams(paramsOf(entry.request.url));
    if (entry.request.method === 'POST') for (const [k, v] of formParams(entry) ?? []) params.append(k, v);
    // The latest redirect with a fragment that led here, at or before this request.
    const led = this.fragmentTo.get(originAndPath(entry.request.url)) ?? [];
    const to = led[firstFrom(led, entry.startedDateTime, true) - 1]?.to;
    if (to) for (const [k, v] of new URLSearchParams(to.split('#')[1] ?? '')) params.append(k, v);
    this.answers.set(entry, params);
    return params;
  }
}

/** What a Location sent back to the redirect URI carries: its query and its fragment. */
function locationParams(to: string): URLSearchParams {
  const params = new URLSearchParams(paramsOf(to));
  for (const [k, v] of new URLSearchParams(to.split('#')[1] ?? '')) params.append(k, v);
  return params;
}

/** A page's first form: where it posts and what its inputs hold (a form_post page's, say). */
function readFormPost(entry: HarEntry): { action: string; params: URLSearchParams } | undefined {
  const page = bodyText(entry);
  if (!page?.includes('<form')) return undefined;
  const form = /<form\b[^>]*\baction\s*=\s*["']([^"']*)["'][^>]*>([\s\S]*?)<\/form>/i.exec(page);
  if (!form) return undefined;
  const params = new URLSearchParams();
  for (const input of form[2]!.matchAll(/<input\b[^>]*>/gi)) {
    const name = /\bname\s*=\s*["']([^"']*)["']/i.exec(input[0])?.[1];
    const value = /\bvalue\s*=\s*["']([^"']*)["']/i.exec(input[0])?.[1];
    if (name) params.append(htmlDecode(name), htmlDecode(value ?? ''));
  }
  return { action: htmlDecode(form[1]!), params };
}
const PKCE_RULE = { id: 'trace.pkce', ...rfc(7636, '4.3') };
const ISS_RULE = { id: 'trace.iss', ...rfc(9207, '2.4') };
const STATE_RULE = { id: 'trace.state', ...rfc(6749, '4.1.2') };
const REDIRECT_RULE = {
  id: 'trace.redirect_uri',
  ...rfc(6749, '4.1.3'),
};
const NONCE_RULE = {
  id: 'trace.nonce',
  ...oidcCore('3.1.3.7', 'IDTokenValidation'),
};
const GRANT_RULE = { id: 'trace.grant', ...rfc(9700, '2.4') };

/** RFC 9207: an `iss` that is there must be the issuer; a missing one fails only when advertised. */
function issCheck(answer: URLSearchParams | undefined, issuer: string, advertised: boolean): Check {
  const iss = answer?.get('iss') ?? undefined;
  if (iss !== undefined) return passIf(ISS_RULE, iss === issuer, issuer, iss);
  if (!answer) return outcome(ISS_RULE, 'skip', issuer, say('exNoCallbackInHar'));
  return advertised
    ? outcome(ISS_RULE, 'fail', issuer, say('exMissingAdvertised'))
    : outcome(ISS_RULE, 'skip', issuer, say('exIssNotAdvertised'));
}

/** The tokens a token answer holds, decoded, and what the ID token checks need from it. */
function tokensOf(token: HarEntry | undefined, metadata: Metadata | undefined) {
  const body = token ? parsedObject(bodyText(token)) : undefined;
  const tokens = ['id_token', 'access_token', 'refresh_token']
    .filter((n) => typeof body?.[n] === 'string')
    .map((name) => ({ name, decoded: decodeToken(body![name] as string) }));
  const idToken = typeof body?.id_token === 'string' ? body.id_token : undefined;
  const answeredAt = token ? header(token.response.headers, 'date') : undefined;
  const jwksUri = typeof metadata?.jwks_uri === 'string' ? metadata.jwks_uri : undefined;
  const evidence = {
    ...(idToken ? { idToken } : {}),
    ...(answeredAt ? { answeredAt } : {}),
    ...(jwksUri ? { jwksUri } : {}),
  };
  return { body, tokens, evidence };
}

function analyse(authorize: HarEntry, har: HarIndex): { attempt: LoginAttempt; claimed: HarEntry[] } {
  const at = authorize.startedDateTime;
  // PAR (RFC 9126): the authorization request holds only client_id and request_uri; the pushed one the rest.
  const direct = authorizeParams(authorize);
  const requestUri = direct.get('request_uri');
  const pushed = requestUri && !direct.has('response_type') ? har.pushedRequest(requestUri) : undefined;
  const sent = pushed ? new URLSearchParams([...direct, ...(formParams(pushed) ?? [])]) : direct;
  const clientId = sent.get('client_id') ?? '';
  const redirectUri = sent.get('redirect_uri') ?? '';
  const state = sent.get('state') ?? undefined;
  const method = sent.get('code_challenge_method') ?? undefined;
  const metadata = har.metadataFor(authorize.request.url, 'authorization_endpoint');
  const issuer = typeof metadata?.issuer === 'string' ? metadata.issuer : originOf(authorize.request.url);
  const issuerOrigin = originOf(authorize.request.url);
  const target = redirectUri === '' ? '' : originAndPath(redirectUri);
  // This login's callback carries its state; a forged or stale one is the first back at the redirect URI.
  let callback = target ? har.callback(target, state, at) : undefined;
  let answer = callback ? har.callbackParams(callback) : undefined;
  if (!callback && target) {
    // The way back recorded only as a redirect (a status-0 hop, a recording cut short), or as the
    // provider's form_post page whose form was never submitted in the HAR.
    const led = har.led(target, at)[0];
    if (led) [callback, answer] = [led.entry, locationParams(led.to)];
    else
      for (const e of har.onOrigin(issuerOrigin, at, 50)) {
        const posted = har.formPost(e, redirectUri);
        if (posted?.has('state') || posted?.has('code') || posted?.has('error')) {
          [callback, answer] = [e, posted];
          break;
        }
      }
  }
  const code = answer?.get('code') ?? undefined;
  // Every call redeeming this login's code: a code is single-use, so a second one is a finding.
  const redeems = code ? har.redeeming(code, at) : [];
  const [token] = redeems;
  const tokenForm = token?.params;
  const { body: tokenBody, tokens, evidence: tokenEvidence } = tokensOf(token?.entry, metadata);
  // A client that authenticated at the token endpoint is confidential (RFC 6749 §2.1).
  const confidential =
    !!token && (!!header(token.entry.request.headers, 'authorization') || !!tokenForm?.has('client_secret'));
  const calls = har.callsAt(issuerOrigin, metadata);
  const events = [
    event(authorize, 'authorize'),
    ...(pushed ? [event(pushed, 'par')] : []),
    ...(callback ? [event(callback, 'callback')] : []),
    ...redeems.map((r) => event(r.entry, 'token')),
    ...calls.events,
  ].sort((a, b) => a.at.localeCompare(b.at));
  const idToken = tokens.find((t) => t.name === 'id_token')?.decoded;
  const nonceSent = sent.get('nonce') ?? undefined;

  const checks: Check[] = [
    answer
      ? passIf(
          STATE_RULE,
          answer.get('state') === (state ?? null),
          shown(state),
          shown(answer.get('state') ?? undefined),
        )
      : outcome(STATE_RULE, 'skip', shown(state), say('exNoCallbackInHar')),
    issCheck(answer, issuer, metadata?.authorization_response_iss_parameter_supported === true),
    outcome(
      PKCE_RULE,
      method === 'S256' && (!tokenForm || tokenForm.has('code_verifier'))
        ? 'pass'
        : // RFC 9700 §2.1.1: PKCE is a must for a public client, a should for a confidential one.
          !sent.has('code_challenge') && confidential
          ? 'warn'
          : 'fail',
      say('exPkceExpected'),
      tokenForm
        ? say(tokenForm.has('code_verifier') ? 'exPkceVerifier' : 'exPkceNoVerifier', shown(method))
        : shown(method),
    ),
    tokenForm
      ? passIf(
          REDIRECT_RULE,
          tokenForm.get('redirect_uri') === redirectUri,
          redirectUri,
          shown(tokenForm.get('redirect_uri') ?? undefined),
        )
      : outcome(REDIRECT_RULE, 'skip', redirectUri, say('exNoTokenInHar')),
    idToken?.kind === 'jwt' && nonceSent !== undefined
      ? passIf(NONCE_RULE, idToken.claims.nonce === nonceSent, nonceSent, shown(idToken.claims.nonce))
      : outcome(NONCE_RULE, 'skip', shown(nonceSent), idToken ? say('exNoNonce') : say('exNoIdTokenInHar')),
    passIf(
      { id: 'trace.no_tokens_in_url', ...oidcCore('3.1.2.5', 'AuthResponse') },
      !answer || !['access_token', 'id_token'].some((n) => answer.has(n)),
      say('exOnlyCodeStateIss'),
      answer ? [...answer.keys()].join(', ') : say('exNoCallback'),
    ),
  ];

  const forged = !!answer && state !== undefined && answer.get('state') !== state;
  // The provider's own error on its sign-in page, when the way back never came.
  const pageError = callback
    ? undefined
    : har
        .onOrigin(issuerOrigin, at, 50)
        .map((e) => har.pageError(e))
        .find((d) => d !== undefined);
  // Requests the login needed that the browser did not complete, each with what the HAR says of why.
  const blocked = [
    ...redeems.map((r) => blockedCall('token', r.entry, har.preflight(r.entry))),
    ...calls.blocked,
  ].filter((b): b is Said => b !== undefined);
  const nonceMismatch =
    idToken?.kind === 'jwt' && nonceSent !== undefined && idToken.claims.nonce !== nonceSent;
  const diagnosis = [
    ...(pageError ?? []),
    ...diagnose({
      callback,
      answer,
      token: token?.entry,
      tokenForm,
      tokenBody,
      redirectUri,
      redeems: redeems.map((r) => r.entry),
      forged,
      pkce: sent.has('code_challenge'),
      pageError: pageError !== undefined,
    }),
    ...(nonceMismatch ? [say('dxNonceMismatch')] : []),
    ...(callback && answer?.has('state') && har.lostCookies(callback) ? [say('dxFormPostCookies')] : []),
    ...blocked,
  ];
  const challenge = sent.get('code_challenge');
  const verifier = tokenForm?.get('code_verifier');
  const evidence = {
    ...tokenEvidence,
    ...(challenge && verifier && method === 'S256' ? { pkce: { challenge, verifier } } : {}),
  };
  return {
    attempt: { clientId, issuer, events, checks, diagnosis, tokens, evidence },
    claimed: redeems.map((r) => r.entry),
  };
}

/** What an authorization request sent: its URL's parameters, and a form POST's body. */
function authorizeParams(e: HarEntry): URLSearchParams {
  const params = new URLSearchParams(paramsOf(e.request.url));
  if (e.request.method === 'POST') for (const [k, v] of formParams(e) ?? []) params.append(k, v);
  return params;
}

/**
 * A token request with no authorization request before it in the HAR (a password grant, a refresh,
 * client credentials, token exchange, or a code whose login was recorded elsewhere).
 */
function analyseToken({ entry, params }: TokenCall, har: HarIndex): LoginAttempt {
  const grant = params.get('grant_type') ?? '';
  const metadata = har.metadataFor(entry.request.url, 'token_endpoint');
  const issuer = typeof metadata?.issuer === 'string' ? metadata.issuer : originOf(entry.request.url);
  const { body, tokens, evidence } = tokensOf(entry, metadata);
  const calls = har.callsAt(originOf(entry.request.url), metadata);
  const password = grant === 'password';
  const diagnosis = [
    // RFC 9700 §2.4: the resource owner password credentials grant MUST NOT be used.
    ...(password ? [say('dxPasswordGrant')] : []),
    ...tokenAnswered(entry, body, false),
    blockedCall('token', entry, har.preflight(entry)),
  ].filter((d): d is Said => d !== undefined);
  return {
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
    notes.push(say('noteBackendLogin', originAndPath(e.request.url), e.response.status, back));
  }
  return notes;
}

/** Every OAuth 2.0 / OIDC login in the HAR, and every token request outside one, without being told the provider. */
export function traceLogins(entries: HarEntry[]): Trace {
  const har = new HarIndex(entries);
  const claimed = new Set<HarEntry>();
  const authorizes = har.sorted.filter((e) => isAuthorize(e, har));
  const logins = authorizes.map((a) => {
    const { attempt, claimed: redeems } = analyse(a, har);
    for (const e of redeems) claimed.add(e);
    return attempt;
  });
  const loneCalls = har.tokenCalls.filter((c) => !claimed.has(c.entry));
  const lone = loneCalls.map((c) => analyseToken(c, har));
  // In the order they began: a login at its authorization request, a lone token request at itself.
  const started = [...authorizes, ...loneCalls.map((c) => c.entry)].map((e) => e.startedDateTime);
  const attempts = [...logins, ...lone]
    .map((attempt, i) => ({ attempt, at: started[i]! }))
    .sort((a, b) => a.at.localeCompare(b.at))
    .map((a) => a.attempt);
  const providers = new Set([
    ...authorizes.map((e) => originOf(e.request.url)),
    ...har.tokenCalls.map((c) => originOf(c.entry.request.url)),
  ]);
  const notes: Said[] = backendLogins(har, providers);
  if (
    har.tokenCalls.length &&
    har.tokenCalls.every(
      (c) => !header(c.entry.request.headers, 'authorization') && !c.params.has('client_secret'),
    )
  )
    notes.push(say('noteNoCredentials'));
  return {
    attempts,
    hosts: hostsOf(har.sorted.map((e) => e.request.url)),
    notes,
  };
}
