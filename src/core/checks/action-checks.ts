import { say } from '../i18n/say.ts';
import { oidcCore, outcome, passIf, rfc, shown, type Check } from './check.ts';
import { failureOf, type Exchange } from '../protocol/http.ts';
import type { SignatureResult } from './signature.ts';

const status = (exchange: Exchange) =>
  exchange.response ? `HTTP ${exchange.response.status}` : failureOf(exchange);

/** OIDC Core §5.3.2: UserInfo's `sub` is the ID token's; a signed response is verified like an ID token. */
export function userinfoChecks(
  exchange: Exchange,
  claims: Record<string, unknown> | undefined,
  idTokenSub: unknown,
  signature?: SignatureResult,
): Check[] {
  const http = passIf(
    {
      id: 'userinfo.http',
      ...oidcCore('5.3.2', 'UserInfoResponse'),
    },
    exchange.response?.status === 200 && claims !== undefined,
    say('exHttp200JsonOrJwt'),
    status(exchange),
  );
  const subRule = {
    id: 'userinfo.sub',
    ...oidcCore('5.3.2', 'UserInfoResponse'),
  };
  const sub = !claims
    ? outcome(subRule, 'skip', shown(idTokenSub), say('exNoClaims'))
    : idTokenSub === undefined
      ? outcome(subRule, 'skip', say('exNoIdTokenToCompare'), shown(claims.sub))
      : passIf(subRule, claims.sub === idTokenSub, shown(idTokenSub), shown(claims.sub));
  const signed = signature
    ? [
        outcome(
          {
            id: 'userinfo.signature',
            ...oidcCore('5.3.2', 'UserInfoResponse'),
          },
          signature.status,
          say('exValidSignature'),
          signature.actual,
        ),
      ]
    : [];
  return [http, sub, ...signed];
}

/** RFC 7009 §2.2: the revocation endpoint answers 200 whether or not the token was valid. */
export const revocationChecks = (exchange: Exchange): Check[] => [
  passIf(
    { id: 'revocation.http', ...rfc(7009, '2.2') },
    exchange.response?.status === 200,
    'HTTP 200',
    status(exchange),
  ),
];

const INTROSPECTION = {
  http: {
    id: 'introspection.http',
    ...rfc(7662, '2.2'),
  },
  active: {
    id: 'introspection.active',
    ...rfc(7662, '2.2'),
  },
};

/** RFC 7662 §2.2: a JSON object with a boolean `active`. */
export function introspectionChecks(
  exchange: Exchange,
  fields: Record<string, unknown> | undefined,
): Check[] {
  const answered = exchange.response?.status === 200 && fields !== undefined;
  return [
    passIf(INTROSPECTION.http, answered, say('exHttp200Json'), status(exchange)),
    fields
      ? passIf(
          INTROSPECTION.active,
          typeof fields.active === 'boolean',
          say('exTrueOrFalse'),
          shown(fields.active),
        )
      : outcome(INTROSPECTION.active, 'skip', say('exTrueOrFalse'), say('exNoAnswer')),
  ];
}

/**
 * An API call's answer (issue: Call an API): a 2xx; on a 401 the `WWW-Authenticate` challenge RFC 6750 §3
 * requires (RFC 9449 §7.1 for DPoP); with an interaction id sent, the same id echoed (FAPI 1.0 Part 1 §6.2.1).
 */
export function apiChecks(exchange: Exchange, interactionId: string | undefined): Check[] {
  const res = exchange.response;
  const header = (name: string) =>
    Object.entries(res?.headers ?? {}).find(([n]) => n.toLowerCase() === name)?.[1];
  const checks = [
    passIf(
      { id: 'api.http', ...rfc(9110, '15.3') },
      res !== undefined && res.status >= 200 && res.status <= 299,
      say('exHttp2xx'),
      status(exchange),
    ),
  ];
  if (res?.status === 401)
    checks.push(
      passIf(
        { id: 'api.www_authenticate', ...rfc(6750, '3') },
        header('www-authenticate') !== undefined,
        say('exPresent'),
        shown(header('www-authenticate')),
      ),
    );
  if (interactionId !== undefined) {
    const rule = {
      id: 'api.interaction_id',
      spec: 'FAPI 1.0 Part 1 §6.2.1',
      specUrl: 'https://openid.net/specs/openid-financial-api-part-1-1_0.html#protected-resources-provisions',
    };
    const echoed = header('x-fapi-interaction-id');
    checks.push(
      res
        ? passIf(rule, echoed === interactionId, interactionId, shown(echoed))
        : outcome(rule, 'skip', interactionId, status(exchange)),
    );
  }
  return checks;
}
