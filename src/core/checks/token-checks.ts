import { say, type Said } from '../i18n/say.ts';
import { parsedObject } from '../protocol/discovery.ts';
import { oidcCore, outcome, passIf, rfc, shown, type Check } from './check.ts';
import type { Exchange } from '../protocol/http.ts';
import { scopeList } from '../profile/profile.ts';
import type { TokenFields } from '../protocol/token.ts';
import type { DecodedToken } from '../protocol/jwt.ts';

/** What came back, as the check names it: "HTTP 401 invalid_client", "HTTP 502, not a JSON object". */
function answerFound({ response }: Exchange): Said {
  if (!response) return say('exNoResponse');
  const body = parsedObject(response.body);
  if (typeof body?.error === 'string' && body.error !== '')
    return say('exHttpError', response.status, body.error);
  return say(body ? 'exHttpJson' : 'exHttpNotJson', response.status);
}

/**
 * The token response as RFC 6749 §5.1 and OIDC Core §3.1.3.3 describe it. `fields` is undefined when
 * the body could not be read as a JSON object; the remaining checks are then skipped.
 */
export function tokenResponseChecks(
  exchange: Exchange,
  fields: TokenFields | undefined,
  requestedScopes: string,
): Check[] {
  const status = exchange.response?.status;
  const http = passIf(
    { id: 'token.http', ...rfc(6749, '5.1') },
    status === 200 && fields !== undefined,
    say('exHttpJson', 200),
    answerFound(exchange),
  );
  const rules = {
    access: { id: 'token.access_token', ...rfc(6749, '5.1') },
    type: { id: 'token.token_type', ...rfc(6750, '4') },
    expires: {
      id: 'token.expires_in',
      ...rfc(6749, '5.1'),
    },
    idToken: {
      id: 'token.id_token',
      ...oidcCore('3.1.3.3', 'TokenResponse'),
    },
    scope: { id: 'token.scope', ...rfc(6749, '3.3') },
  };
  if (!fields)
    return [http, ...Object.values(rules).map((r) => outcome(r, 'skip', '', say('exNoTokenResponse')))];

  const requested = scopeList(requestedScopes);
  const granted = typeof fields.scope === 'string' ? scopeList(fields.scope) : undefined;
  const dropped = granted ? requested.filter((s) => !granted.includes(s)) : [];
  const expires = fields.expires_in;
  const proved = Object.keys(exchange.request.headers).some((h) => h.toLowerCase() === 'dpop');
  return [
    http,
    passIf(
      rules.access,
      typeof fields.access_token === 'string' && fields.access_token !== '',
      say('exNonEmptyString'),
      typeof fields.access_token === 'string' ? say('exString') : shown(fields.access_token),
    ),
    // RFC 6749 §5.1: compared in any case; a request with a DPoP proof gets a DPoP-bound token (RFC 9449 §5).
    passIf(
      rules.type,
      typeof fields.token_type === 'string' &&
        fields.token_type.toLowerCase() === (proved ? 'dpop' : 'bearer'),
      say(proved ? 'exDpopAnyCase' : 'exBearerAnyCase'),
      shown(fields.token_type),
    ),
    expires === undefined
      ? outcome(rules.expires, 'warn', say('exPositiveRecommended'), say('valueMissing'))
      : passIf(
          rules.expires,
          typeof expires === 'number' && expires > 0,
          say('exPositiveNumber'),
          shown(expires),
        ),
    requested.includes('openid')
      ? passIf(
          rules.idToken,
          typeof fields.id_token === 'string',
          say('exPresent'),
          typeof fields.id_token === 'string' ? say('exPresent') : shown(fields.id_token),
        )
      : outcome(rules.idToken, 'skip', say('exPresentIfOpenid'), say('exOpenidNotRequested')),
    granted === undefined
      ? outcome(rules.scope, 'pass', requested.join(' '), say('exScopeOmitted'))
      : dropped.length
        ? outcome(
            rules.scope,
            'warn',
            requested.join(' '),
            `${granted.join(' ')} (dropped: ${dropped.join(' ')})`,
          )
        : outcome(rules.scope, 'pass', requested.join(' '), granted.join(' ')),
  ];
}

/**
 * RFC 9449 §6.1: an access token bound to the run's DPoP key names that key's thumbprint in `cnf.jkt`;
 * an opaque one can say so only through introspection (§6.2).
 */
export function dpopBindingCheck(accessToken: DecodedToken | undefined, jkt: string): Check {
  const rule = { id: 'token.dpop_binding', ...rfc(9449, '6.1') };
  if (!accessToken) return outcome(rule, 'skip', jkt, say('valueMissing'));
  if (accessToken.kind !== 'jwt') return outcome(rule, 'skip', jkt, say('exDpopOpaque'));
  const cnf = accessToken.claims.cnf;
  const got = typeof cnf === 'object' && cnf !== null && 'jkt' in cnf ? cnf.jkt : undefined;
  return passIf(rule, got === jkt, jkt, shown(got));
}
