import { say } from '../i18n/say.ts';
import type { Exchange } from '../protocol/http.ts';
import { readJwks } from '../protocol/jwks.ts';
import { modulusBits, MIN_RSA_BITS } from '../protocol/key-import.ts';
import type { Run } from '../run/run.ts';
import { lastStep, serverOf } from '../view/steps.ts';
import { requestedParams, sentRequestObject } from '../view/assertion.ts';
import { outcome, passIf, shown, type Check, type Rule } from './check.ts';

/** The FAPI 2.0 Security Profile (final), by section. */
const fapi = (section: string): Pick<Check, 'spec' | 'specUrl'> => ({
  spec: `FAPI 2.0 §${section}`,
  specUrl: `https://openid.net/specs/fapi-security-profile-2_0-final.html#section-${section}`,
});

/** §5.4: the only JWS algorithms a FAPI 2.0 party creates or accepts (EdDSA with Ed25519). */
export const FAPI_ALGS = ['PS256', 'ES256', 'EdDSA', 'Ed25519'] as const;
const fapiAlg = (alg: unknown): boolean => FAPI_ALGS.some((a) => a === alg);

const rule = (id: string, section: string): Rule => ({ id: `fapi.${id}`, ...fapi(section) });

/**
 * The FAPI 2.0 group: what this login did against what the profile asks of a client and its
 * authorization server (§5.3.1, §5.3.2, §5.4), each check citing its section. `jwks` are the provider's
 * key sets fetched for the ID token (its key's size is checked).
 */
export function fapiChecks(run: Run, jwks: Exchange[]): Check[] {
  const pushed = lastStep(run, 'par');
  // A signed request's parameters are those inside its request object (RFC 9101 §5).
  const sent = pushed?.params ?? lastStep(run, 'authorize')?.params ?? [];
  const params = requestedParams(sent);
  const signedWith = sentRequestObject(sent)?.header.alg;
  const requestAlg = signedWith === undefined ? undefined : typeof signedWith === 'string' ? signedWith : '?';
  const param = (name: string) => params.find(([n]) => n === name)?.[1];
  const callback = lastStep(run, 'callback');
  const token = lastStep(run, 'token');
  const idToken = token?.idToken?.kind === 'jwt' ? token.idToken : undefined;
  const metadata = lastStep(run, 'discovery')?.metadata;
  const server = serverOf(run);
  const method = run.profile.clientAuth ?? 'client_secret_basic';
  const key = run.profile.clientKey;
  const lifetime = pushed?.expiresIn;

  // The ID token's signing key, from the JWKS the checks fetched (RSA: its modulus).
  const kid = idToken?.header.kid;
  const keys = jwks.flatMap((ex) => {
    const set = readJwks(ex);
    return 'error' in set ? [] : set.keys;
  });
  const idKey = keys.find((k) => k.kid === kid) ?? (keys.length === 1 ? keys[0] : undefined);
  const rsaSizes = [
    ...(key?.jwk.kty === 'RSA' ? [modulusBits(key.jwk.n ?? '')] : []),
    ...(idKey?.kty === 'RSA' && typeof idKey.n === 'string' ? [modulusBits(idKey.n)] : []),
  ];
  const list = (name: string): unknown => metadata?.[name];
  const includes = (name: string, value: string) => {
    const v = list(name);
    return Array.isArray(v) && v.includes(value);
  };
  const signingAlgs = list('token_endpoint_auth_signing_alg_values_supported');
  const tokenType = token?.fields?.token_type;

  return [
    passIf(
      rule('par', '5.3.2.2'),
      pushed?.status === 'ok',
      say('exFapiPar'),
      say(pushed ? 'exFapiParFailed' : 'exFapiNoPar'),
    ),
    passIf(
      rule('par_redirect_uri', '5.3.1.2'),
      pushed !== undefined && param('redirect_uri') !== undefined,
      say('exFapiRedirectPushed'),
      shown(pushed ? param('redirect_uri') : undefined),
    ),
    passIf(
      rule('request_uri_lifetime', '5.3.1.2'),
      typeof lifetime === 'number' && lifetime > 0 && lifetime < 600,
      say('exFapiLifetime'),
      shown(lifetime !== undefined && Number.isFinite(lifetime) ? lifetime : undefined),
    ),
    passIf(
      rule('pkce', '5.3.2.2'),
      param('code_challenge_method') === 'S256' && param('code_challenge') !== undefined,
      'S256',
      shown(param('code_challenge_method')),
    ),
    passIf(
      rule('response_type', '5.3.1.2'),
      param('response_type') === 'code',
      'code',
      shown(param('response_type')),
    ),
    // RFC 9207: a missing `iss` fails here even when discovery does not advertise it.
    passIf(
      rule('iss', '5.3.2.2'),
      callback?.params.some(([n]) => n === 'iss') === true,
      say('exPresent'),
      say(callback ? 'valueMissing' : 'exFapiNoCallback'),
    ),
    passIf(rule('client_auth', '5.3.2.1'), method === 'private_key_jwt', say('exFapiClientAuth'), method),
    passIf(
      rule('algorithms', '5.4'),
      (!idToken || fapiAlg(idToken.header.alg)) &&
        (method !== 'private_key_jwt' || fapiAlg(key?.alg)) &&
        (requestAlg === undefined || fapiAlg(requestAlg)) &&
        method !== 'client_secret_jwt',
      FAPI_ALGS.join(', '),
      [
        idToken ? `ID token ${String(idToken.header.alg)}` : '',
        method === 'client_secret_jwt'
          ? 'assertion HS256'
          : key && method === 'private_key_jwt'
            ? `assertion ${key.alg}`
            : '',
        requestAlg === undefined ? '' : `request object ${requestAlg}`,
      ]
        .filter(Boolean)
        .join(', ') || say('valueMissing'),
    ),
    rsaSizes.length === 0
      ? outcome(rule('rsa_keys', '5.4'), 'skip', `≥ ${MIN_RSA_BITS}`, say('exFapiNoRsa'))
      : passIf(
          rule('rsa_keys', '5.4'),
          rsaSizes.every((b) => b >= MIN_RSA_BITS),
          `≥ ${MIN_RSA_BITS}`,
          rsaSizes.join(', '),
        ),
    passIf(
      rule('discovery.par_endpoint', '5.3.1.2'),
      typeof list('pushed_authorization_request_endpoint') === 'string',
      say('exPresent'),
      shown(list('pushed_authorization_request_endpoint')),
    ),
    passIf(
      rule('discovery.require_par', '5.3.1.2'),
      server?.requirePushedAuthorizationRequests === true,
      'true',
      shown(list('require_pushed_authorization_requests')),
    ),
    passIf(
      rule('discovery.pkce', '5.3.1.2'),
      includes('code_challenge_methods_supported', 'S256'),
      say('exContains', 'S256'),
      shown(list('code_challenge_methods_supported')),
    ),
    passIf(
      rule('discovery.iss', '5.3.1.2'),
      server?.authorizationResponseIssParameterSupported === true,
      'true',
      shown(list('authorization_response_iss_parameter_supported')),
    ),
    passIf(
      rule('discovery.auth_methods', '5.3.1.1'),
      includes('token_endpoint_auth_methods_supported', 'private_key_jwt'),
      say('exContains', 'private_key_jwt'),
      shown(list('token_endpoint_auth_methods_supported')),
    ),
    passIf(
      rule('discovery.signing_algs', '5.4'),
      Array.isArray(signingAlgs) && signingAlgs.length > 0 && signingAlgs.every(fapiAlg),
      FAPI_ALGS.join(', '),
      shown(signingAlgs),
    ),
    // §5.3.2.1: DPoP (or mTLS, which an extension cannot present) binds the access token to the client.
    passIf(
      rule('sender_constrained', '5.3.2.1'),
      typeof tokenType === 'string' && tokenType.toLowerCase() === 'dpop',
      say('exFapiSenderConstrained'),
      typeof tokenType === 'string' ? say('exFapiBearer', tokenType) : say('valueMissing'),
    ),
  ];
}
