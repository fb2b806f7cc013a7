import { say } from '../i18n/say.ts';
import { outcome, passIf, rfc, oidcCore, shown, type Check } from './check.ts';
import { originAndPath, type Params } from '../protocol/params.ts';

export interface CallbackExpectations {
  state: string;
  issuer: string;
  /** Where the callback must arrive: the redirect URI sent, or the URL an app's own URI is routed to. */
  arrivesAt: string;
  /** The provider's discovery says `authorization_response_iss_parameter_supported: true`. */
  issAdvertised: boolean;
}

const get = (params: Params, name: string) => params.find(([n]) => n === name)?.[1];

/**
 * The authorization response, checked before the code may be redeemed (RFC 6749 §4.1.2 and §10.12,
 * RFC 9207 §2.4). Any failure here stops the run: redeeming a forged or mixed-up code is the attack.
 */
export function callbackChecks(callbackUrl: string, params: Params, expected: CallbackExpectations): Check[] {
  const names = params.map(([n]) => n);
  const arrived = originAndPath(callbackUrl);
  const wanted = originAndPath(expected.arrivesAt);
  const duplicated = [...new Set(names.filter((n, i) => names.indexOf(n) !== i))];
  const state = get(params, 'state');
  const iss = get(params, 'iss');
  const leaked = ['access_token', 'id_token', 'refresh_token'].filter((n) => names.includes(n));
  const issRule = {
    id: 'callback.iss',
    ...rfc(9207, '2.4'),
  };
  return [
    passIf(
      {
        id: 'callback.redirect_uri',
        ...rfc(6749, '3.1.2'),
      },
      arrived === wanted,
      wanted,
      arrived,
    ),
    passIf(
      { id: 'callback.duplicates', ...rfc(6749, '3.1') },
      duplicated.length === 0,
      say('exEachOnce'),
      duplicated.length ? say('exRepeated', duplicated.join(', ')) : say('exEachOnce'),
    ),
    passIf(
      { id: 'callback.state', ...rfc(6749, '10.12') },
      state === expected.state,
      expected.state,
      shown(state),
    ),
    iss !== undefined
      ? passIf(issRule, iss === expected.issuer, expected.issuer, iss)
      : outcome(
          issRule,
          expected.issAdvertised ? 'fail' : 'skip',
          expected.issuer,
          expected.issAdvertised ? say('exMissingAdvertised') : say('exNoIssSent'),
        ),
    passIf(
      {
        id: 'callback.no_tokens',
        ...oidcCore('3.1.2.5', 'AuthResponse'),
      },
      leaked.length === 0,
      say('exOnlyCodeStateIss'),
      leaked.length ? say('exCarries', leaked.join(', ')) : say('exNoTokens'),
    ),
  ];
}
