import { rfc, oidcCore, outcome, passIf, shown, type Check } from '../../core/check.ts';
import { parsedObject } from '../../core/discovery.ts';
import { decodeToken, type DecodedToken } from '../../core/jwt.ts';
import { originAndPath } from '../../core/params.ts';
import { blockedCall } from './blocked.ts';
import { providerCall, type ProviderCall } from './classify.ts';
import { diagnose } from './diagnosis.ts';
import { bodyText, formParams, header, type HarEntry } from './har.ts';
import { say, type Said } from '../../core/say.ts';

/** One request of a login, as the timeline lists it. */
export interface TraceEvent {
  at: string;
  kind: 'authorize' | 'callback' | 'token' | ProviderCall;
  method: string;
  url: string;
  status: number;
}

/** One login found in the HAR: its requests, what was checked, and what went wrong in plain words. */
export interface LoginAttempt {
  clientId: string;
  issuer: string;
  events: TraceEvent[];
  checks: Check[];
  diagnosis: Said[];
  tokens: { name: string; decoded: DecodedToken }[];
  /**
   * The ID token as issued, the token response's `Date` header, and the PKCE challenge with the verifier
   * the token request sent: for the checks that need keys, clocks or a digest.
   */
  evidence: { idToken?: string; answeredAt?: string; pkce?: { challenge: string; verifier: string } };
}

export interface Trace {
  attempts: LoginAttempt[];
  /** The hosts the HAR saw, named when it holds no login. */
  hosts: string[];
  notes: Said[];
}

/** A URL's origin and path, or '' for a URL that is not absolute (a relative one in a hand-made file). */
const originOf = (url: string): string => {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
};
const pathOf = (url: string): string => {
  try {
    return new URL(url).pathname;
  } catch {
    return '';
  }
};

/** `response_type`, however the app spelled the name (`response%5Ftype` too). */
const RESPONSE_TYPE = /response(_|%5f)type=/i;

/** An authorization request: sent as a GET with its parameters in the URL, or as a form POST. */
function isAuthorize(e: HarEntry): boolean {
  if (e.request.method === 'GET') {
    if (!RESPONSE_TYPE.test(e.request.url)) return false;
    const p = paramsOf(e.request.url);
    return p.has('response_type') && p.has('client_id');
  }
  const form = e.request.method === 'POST' ? formParams(e) : undefined;
  return !!form?.has('response_type') && form.has('client_id') && !form.has('grant_type');
}

/** What an authorization request sent: its URL's parameters, and a form POST's body. */
function authorizeParams(e: HarEntry): URLSearchParams {
  const params = new URLSearchParams(paramsOf(e.request.url));
  if (e.request.method === 'POST') for (const [k, v] of formParams(e) ?? []) params.append(k, v);
  return params;
}

const paramsOf = (url: string): URLSearchParams => {
  try {
    return new URL(url).searchParams;
  } catch {
    return new URLSearchParams();
  }
};
/** A busy app's HAR has thousands of entries on a few origins: each origin is parsed once. */
function hostsOf(urls: string[]): string[] {
  const byOrigin = new Map<string, string>();
  for (const url of urls) {
    const origin = /^[a-z][a-z\d+.-]*:\/\/[^/?#]*/i.exec(url)?.[0] ?? '';
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

/** Parameters of a callback: the query, and the fragment read from the `Location` that led there. */
function callbackParams(entry: HarEntry, entries: HarEntry[]): URLSearchParams {
  const params = new URLSearchParams(paramsOf(entry.request.url));
  // response_mode=form_post: the callback is a POST whose form body holds code, state, id_token.
  if (entry.request.method === 'POST') for (const [k, v] of formParams(entry) ?? []) params.append(k, v);
  const led = entries.find((e) => {
    const location = header(e.response.headers, 'location') ?? e.response.redirectURL;
    return location && originAndPath(location) === originAndPath(entry.request.url) && location.includes('#');
  });
  const location = led && (header(led.response.headers, 'location') ?? led.response.redirectURL);
  if (location) for (const [k, v] of new URLSearchParams(location.split('#')[1] ?? '')) params.append(k, v);
  return params;
}

const PKCE_RULE = { id: 'trace.pkce', title: 'PKCE S256 used', ...rfc(7636, '4.3') };

const ISS_RULE = { id: 'trace.iss', title: 'Callback names the issuer (iss)', ...rfc(9207, '2.4') };

/** RFC 9207: an `iss` that is there must be the issuer; a missing one fails only when advertised. */
function issCheck(answer: URLSearchParams | undefined, issuer: string, advertised: boolean): Check {
  const iss = answer?.get('iss') ?? undefined;
  if (iss !== undefined) return passIf(ISS_RULE, iss === issuer, issuer, iss);
  if (!answer) return outcome(ISS_RULE, 'skip', issuer, say('exNoCallbackInHar'));
  return advertised
    ? outcome(ISS_RULE, 'fail', issuer, say('exMissingAdvertised'))
    : outcome(ISS_RULE, 'skip', issuer, say('exIssNotAdvertised'));
}

function analyse(
  authorize: HarEntry,
  entries: HarEntry[],
  metadata: Record<string, unknown> | undefined,
): LoginAttempt {
  const sent = authorizeParams(authorize);
  const clientId = sent.get('client_id') ?? '';
  const redirectUri = sent.get('redirect_uri') ?? '';
  const state = sent.get('state') ?? undefined;
  const method = sent.get('code_challenge_method') ?? undefined;
  const issuer = typeof metadata?.issuer === 'string' ? metadata.issuer : originOf(authorize.request.url);
  const after = entries.filter((e) => e.startedDateTime >= authorize.startedDateTime);
  const target = redirectUri === '' ? '' : originAndPath(redirectUri);
  const host = hostsOf([redirectUri])[0] ?? '';
  const toRedirect = after.filter(
    // The cheap test first: most entries of a busy HAR are not on the redirect URI's host at all.
    (e) =>
      target !== '' && e.request.url.toLowerCase().includes(host) && originAndPath(e.request.url) === target,
  );
  // This login's callback carries its state; a forged or stale one is the first back at the redirect URI.
  const callback =
    toRedirect.find((e) => state !== undefined && callbackParams(e, entries).get('state') === state) ??
    toRedirect[0];
  const answer = callback ? callbackParams(callback, entries) : undefined;
  const code = answer?.get('code') ?? undefined;
  // Every call redeeming this login's code: a code is single-use, so a second one is a finding.
  const redeems = after.filter((e) => {
    const form = formParams(e);
    return (
      form?.get('grant_type') === 'authorization_code' && (code === undefined || form.get('code') === code)
    );
  });
  const [token] = redeems;
  const tokenForm = token ? formParams(token) : undefined;
  const tokenBody = token ? parsedObject(bodyText(token)) : undefined;
  const issuerOrigin = originOf(authorize.request.url);
  // A client that authenticated at the token endpoint is confidential (RFC 6749 §2.1).
  const confidential =
    !!token && (!!header(token.request.headers, 'authorization') || !!tokenForm?.has('client_secret'));
  const calls = entries.flatMap((e) => {
    const kind = e.request.url.startsWith(issuerOrigin) ? providerCall(e, metadata) : undefined;
    return kind ? [event(e, kind)] : [];
  });
  const events = [
    event(authorize, 'authorize'),
    ...(callback ? [event(callback, 'callback')] : []),
    ...redeems.map((e) => event(e, 'token')),
    ...calls,
  ].sort((a, b) => a.at.localeCompare(b.at));
  const tokens = ['id_token', 'access_token', 'refresh_token']
    .filter((n) => typeof tokenBody?.[n] === 'string')
    .map((name) => ({ name, decoded: decodeToken(tokenBody![name] as string) }));
  const idToken = tokens.find((t) => t.name === 'id_token')?.decoded;

  const checks: Check[] = [
    answer
      ? passIf(
          { id: 'trace.state', title: 'State echoed in the callback', ...rfc(6749, '4.1.2') },
          answer.get('state') === (state ?? null),
          shown(state),
          shown(answer.get('state') ?? undefined),
        )
      : outcome(
          { id: 'trace.state', title: 'State echoed in the callback', ...rfc(6749, '4.1.2') },
          'skip',
          shown(state),
          say('exNoCallbackInHar'),
        ),
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
          {
            id: 'trace.redirect_uri',
            title: 'Same redirect_uri in the token request',
            ...rfc(6749, '4.1.3'),
          },
          tokenForm.get('redirect_uri') === redirectUri,
          redirectUri,
          shown(tokenForm.get('redirect_uri') ?? undefined),
        )
      : outcome(
          {
            id: 'trace.redirect_uri',
            title: 'Same redirect_uri in the token request',
            ...rfc(6749, '4.1.3'),
          },
          'skip',
          redirectUri,
          say('exNoTokenInHar'),
        ),
    idToken?.kind === 'jwt' && sent.has('nonce')
      ? passIf(
          {
            id: 'trace.nonce',
            title: 'ID token nonce is the one sent',
            ...oidcCore('3.1.3.7', 'IDTokenValidation'),
          },
          idToken.claims.nonce === sent.get('nonce'),
          shown(sent.get('nonce') ?? undefined),
          shown(idToken.claims.nonce),
        )
      : outcome(
          {
            id: 'trace.nonce',
            title: 'ID token nonce is the one sent',
            ...oidcCore('3.1.3.7', 'IDTokenValidation'),
          },
          'skip',
          shown(sent.get('nonce') ?? undefined),
          idToken ? say('exNoNonce') : say('exNoIdTokenInHar'),
        ),
    passIf(
      { id: 'trace.no_tokens_in_url', title: 'No tokens in a URL', ...oidcCore('3.1.2.5', 'AuthResponse') },
      !answer || !['access_token', 'id_token'].some((n) => answer.has(n)),
      say('exOnlyCodeStateIss'),
      answer ? [...answer.keys()].join(', ') : say('exNoCallback'),
    ),
  ];

  const forged = !!answer && state !== undefined && answer.get('state') !== state;
  // Requests the login needed that the browser did not complete, each with what the HAR says of why.
  const blocked = [
    ...redeems.map((e) => blockedCall('token', e, entries)),
    ...entries.flatMap((e) => {
      const kind = e.request.url.startsWith(issuerOrigin) ? providerCall(e, metadata) : undefined;
      return kind && e.request.method !== 'OPTIONS' ? [blockedCall(kind, e, entries)] : [];
    }),
  ].filter((b): b is Said => b !== undefined);
  const diagnosis = [
    ...diagnose({ callback, answer, token, tokenForm, tokenBody, redirectUri, redeems, forged }),
    ...blocked,
  ];
  const rawIdToken = typeof tokenBody?.id_token === 'string' ? tokenBody.id_token : undefined;
  const answeredAt = token ? header(token.response.headers, 'date') : undefined;
  const challenge = sent.get('code_challenge');
  const verifier = tokenForm?.get('code_verifier');
  const evidence = {
    ...(rawIdToken ? { idToken: rawIdToken } : {}),
    ...(answeredAt ? { answeredAt } : {}),
    ...(challenge && verifier && method === 'S256' ? { pkce: { challenge, verifier } } : {}),
  };
  return { clientId, issuer, events, checks, diagnosis, tokens, evidence };
}

/** Every OAuth 2.0 / OIDC login in the HAR, without being told the provider. */
export function traceLogins(entries: HarEntry[]): Trace {
  const sorted = [...entries].sort((a, b) => a.startedDateTime.localeCompare(b.startedDateTime));
  const discovery = sorted.find(
    (e) =>
      e.request.url.includes('/.well-known/openid-configuration') &&
      /\/\.well-known\/openid-configuration$/.test(pathOf(e.request.url)),
  );
  const metadata = discovery ? parsedObject(bodyText(discovery)) : undefined;
  const authorizes = sorted.filter(isAuthorize);
  const notes: Said[] = [];
  const tokenCalls = sorted.filter((e) => formParams(e)?.has('grant_type'));
  if (
    tokenCalls.length &&
    tokenCalls.every(
      (e) => !header(e.request.headers, 'authorization') && !formParams(e)?.has('client_secret'),
    )
  )
    notes.push(say('noteNoCredentials'));
  return {
    attempts: authorizes.map((a) => analyse(a, sorted, metadata)),
    hosts: hostsOf(sorted.map((e) => e.request.url)),
    notes,
  };
}
