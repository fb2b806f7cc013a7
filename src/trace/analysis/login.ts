import { rfc, oidcCore, outcome, passIf, shown, type Check } from '../../core/checks/check.ts';
import { parsedObject } from '../../core/protocol/discovery.ts';
import { decodeToken } from '../../core/protocol/jwt.ts';
import { originAndPath } from '../../core/protocol/params.ts';
import { say, type Said } from '../../core/i18n/say.ts';
import { blockedCall } from './blocked.ts';
import { diagnose, succeeded } from './diagnosis.ts';
import { loginFindings } from './classes.ts';
import { bodyText, formParams, header, originOf, paramsOf, type HarEntry } from './har.ts';
import type { HarIndex } from './har-index.ts';
import type { LoginWindow } from './login-windows.ts';
import { event, type LoginAttempt, type Metadata } from './trace-types.ts';

/** What a Location sent back to the redirect URI carries: its query and its fragment. */
function locationParams(to: string): URLSearchParams {
  const params = new URLSearchParams(paramsOf(to));
  for (const [k, v] of new URLSearchParams(to.split('#')[1] ?? '')) params.append(k, v);
  return params;
}

const PKCE_RULE = { id: 'trace.pkce', ...rfc(7636, '4.3') };
export const ISS_RULE = { id: 'trace.iss', ...rfc(9207, '2.4') };
export const STATE_RULE = { id: 'trace.state', ...rfc(6749, '4.1.2') };
const REDIRECT_RULE = {
  id: 'trace.redirect_uri',
  ...rfc(6749, '4.1.3'),
};
const NONCE_RULE = {
  id: 'trace.nonce',
  ...oidcCore('3.1.3.7', 'IDTokenValidation'),
};
export const GRANT_RULE = { id: 'trace.grant', ...rfc(9700, '2.4') };

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
export function tokensOf(token: HarEntry | undefined, metadata: Metadata | undefined) {
  const body = token ? parsedObject(bodyText(token)) : undefined;
  const tokens = ['id_token', 'access_token', 'refresh_token'].flatMap((name) => {
    const value = body?.[name];
    return typeof value === 'string' ? [{ name, decoded: decodeToken(value) }] : [];
  });
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

export function analyse(
  authorize: HarEntry,
  har: HarIndex,
  window: LoginWindow,
): { attempt: LoginAttempt; claimed: HarEntry[]; callback: HarEntry | undefined } {
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
  // A client that authenticated at the token endpoint is confidential (RFC 6749 §2.1). Without a token
  // request in the browser, a server receives the answer: form_post posts it to one, and a code that
  // reached the app without PKCE is redeemed by its server.
  const confidential = token
    ? !!header(token.entry.request.headers, 'authorization') ||
      !!tokenForm?.has('client_secret') ||
      !!tokenForm?.has('client_assertion')
    : sent.get('response_mode') === 'form_post' || (!!code && !sent.has('code_challenge'));
  const calls = har.callsAt(issuerOrigin, metadata, window);
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
  const seen = {
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
  };
  const diagnosis = [
    ...(pageError ?? []),
    ...diagnose(seen),
    ...(nonceMismatch ? [say('dxNonceMismatch')] : []),
    ...loginFindings({ authorize, sent, callback, answer, har }),
    ...(callback && answer?.has('state') && har.lostCookies(callback) ? [say('dxFormPostCookies')] : []),
    ...blocked,
  ];
  const challenge = sent.get('code_challenge');
  const verifier = tokenForm?.get('code_verifier');
  const evidence = {
    ...tokenEvidence,
    ...(challenge && verifier && method === 'S256' ? { pkce: { challenge, verifier } } : {}),
  };
  const issued = !!token && token.entry.response.status < 300 && tokens.length > 0;
  const success = succeeded(seen, diagnosis, issued);
  return {
    attempt: {
      clientId,
      issuer,
      events,
      checks,
      diagnosis,
      tokens,
      evidence,
      ...(success ? { succeeded: success } : {}),
    },
    claimed: redeems.map((r) => r.entry),
    callback,
  };
}

/** What an authorization request sent: its URL's parameters, and a form POST's body. */
export function authorizeParams(e: HarEntry): URLSearchParams {
  const params = new URLSearchParams(paramsOf(e.request.url));
  if (e.request.method === 'POST') for (const [k, v] of formParams(e) ?? []) params.append(k, v);
  return params;
}
