import { outcome, rfc, type Check } from '../../core/checks/check.ts';
import { say, type Said } from '../../core/i18n/say.ts';
import { originAndPath } from '../../core/protocol/params.ts';
import { tokenAnswered } from './diagnosis.ts';
import { basicClientId, header, originOf, paramsOf, type HarEntry } from './har.ts';
import type { HarIndex } from './har-index.ts';
import { authorizeParams, ISS_RULE, STATE_RULE, tokensOf } from './login.ts';
import { event, type LoginAttempt } from './trace-types.ts';

/**
 * One login per authorization request: a provider's own pages that repeat its parameters (Google's
 * `POST /_/signin/oauth`, a consent page) belong to the login they continue, not a second one. An
 * authorize request continues an earlier one at the same origin for the same client and redirect URI
 * when it carries the same state (or none, or is a POST) and nothing came back to the app in between.
 */
export function distinctLogins(authorizes: HarEntry[], har: HarIndex): HarEntry[] {
  const kept: { entry: HarEntry; key: string; state: string | null }[] = [];
  for (const e of authorizes) {
    const p = authorizeParams(e);
    const key = `${originOf(e.request.url)}\n${p.get('client_id')}\n${p.get('redirect_uri')}`;
    const state = p.get('state');
    const earlier = kept.findLast((k) => k.key === key);
    const target = p.get('redirect_uri') ? originAndPath(p.get('redirect_uri')!) : '';
    const back =
      earlier && target ? har.callback(target, undefined, earlier.entry.startedDateTime) : undefined;
    const repeats =
      earlier &&
      (state === earlier.state || state === null || e.request.method === 'POST') &&
      !(back && back.startedDateTime < e.startedDateTime);
    if (!repeats) kept.push({ entry: e, key, state });
  }
  return kept.map((k) => k.entry);
}

const REDEEMED = { id: 'trace.redeemed', ...rfc(6749, '4.1.3') };

/** A callback: a `code` or an `error`, beside the `state` it echoes (query or form_post body). */
const isCallback = (e: HarEntry, har: HarIndex) => {
  const p = har.callbackParams(e);
  return p.has('state') && (p.has('code') || p.has('error'));
};

/**
 * Logins seen from the middle: callbacks whose authorization request is not in the recording (it
 * started late). What can still be checked is: `iss` when sent, and whether the code was redeemed.
 */
export function fromTheMiddle(
  har: HarIndex,
  claimedCallbacks: Set<HarEntry>,
  claimedTokens: Set<HarEntry>,
): { attempt: LoginAttempt; at: string }[] {
  const found: { attempt: LoginAttempt; at: string }[] = [];
  for (const e of har.sorted) {
    if (claimedCallbacks.has(e) || paramsOf(e.request.url).has('client_id') || !isCallback(e, har)) continue;
    const answer = har.callbackParams(e);
    const code = answer.get('code');
    const redeems = code ? har.redeeming(code, e.startedDateTime) : [];
    for (const r of redeems) claimedTokens.add(r.entry);
    const [token] = redeems;
    const iss = answer.get('iss');
    const referer = header(e.request.headers, 'referer');
    const issuer = iss ?? (token ? originOf(token.entry.request.url) : referer ? originOf(referer) : '');
    const { body, tokens, evidence } = tokensOf(token?.entry, undefined);
    const clientId = token?.params.get('client_id') ?? (token ? basicClientId(token.entry) : undefined) ?? '';
    const error = answer.get('error');
    const checks: Check[] = [
      outcome(STATE_RULE, 'skip', say('exNoAuthorizeInHar'), answer.get('state') ?? ''),
      iss
        ? outcome(ISS_RULE, 'skip', say('exNoAuthorizeInHar'), iss)
        : outcome(ISS_RULE, 'skip', say('exNoAuthorizeInHar'), say('exNotSent')),
      code
        ? outcome(
            REDEEMED,
            token ? 'pass' : 'skip',
            say('exCodeRedeemed'),
            token ? String(token.entry.response.status) : say('exNoTokenInHar'),
          )
        : outcome(REDEEMED, 'skip', say('exCodeRedeemed'), say('exNoCode')),
    ];
    const diagnosis: Said[] = [
      say('dxFromTheMiddle'),
      ...(error
        ? [say('dxProviderAnswered', error, answer.get('error_description') ?? say('dxSeeCallback'))]
        : []),
      ...(redeems.length > 1
        ? [
            say(
              'dxCodeReused',
              redeems.length,
              redeems
                .slice(1)
                .map((r) => r.entry.response.status)
                .join(', '),
            ),
          ]
        : []),
      ...(token ? tokenAnswered(token.entry, body, false) : []),
    ];
    const events = [event(e, 'callback'), ...redeems.map((r) => event(r.entry, 'token'))];
    found.push({
      at: e.startedDateTime,
      attempt: { clientId, issuer, events, checks, diagnosis, tokens, evidence },
    });
  }
  return found;
}
