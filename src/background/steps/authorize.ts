import { authorizationParams, byQuery, type AuthorizeParams } from '../../core/protocol/authorize.ts';
import { keyCredential } from '../../core/protocol/credential.ts';
import { beside, requestObjectClaims, signedRequestObject, usesJar } from '../../core/protocol/jar.ts';
import { FlowFailure } from '../../core/flow-error.ts';
import { say } from '../../core/i18n/say.ts';
import { signingKey } from '../client-keys.ts';
import type { ClientCredentials } from '../../core/protocol/client-auth.ts';
import { usesPar } from '../../core/protocol/par.ts';
import { serverOf } from '../../core/view/steps.ts';
import { pushed } from './par.ts';
import { runJkt } from '../dpop.ts';
import { createPkce } from '../../core/protocol/pkce.ts';
import { randomToken } from '../../core/protocol/random.ts';
import { requestsOpenId } from '../../core/profile/profile.ts';
import { addSecrets } from '../../core/run/run.ts';
import type { RunWriter } from '../flows/runner.ts';

/** The run's authorization parameters as a request object signed with the profile's key (RFC 9101 §4). */
async function requestObject(w: RunWriter, params: AuthorizeParams): Promise<string> {
  const { profile } = w.run;
  const key = keyCredential(profile);
  if (!key) throw new FlowFailure({ code: 'invalid_input', ...say('problemJarNoKey') });
  const claims = requestObjectClaims(params, { clientId: profile.clientId, issuer: profile.issuer }, w.deps);
  return signedRequestObject(claims, key, await signingKey(w.deps.platform, key));
}

/**
 * RFC 6749 §4.1.1 with PKCE (RFC 7636 S256) and, for `openid`, a nonce (OIDC Core §3.1.2.1): the
 * authorize step and the URL the login window opens. What the callback must match stays in flight.
 * Pushed first (RFC 9126) when the profile or the provider asks: the window then carries `client_id`
 * and `request_uri` only; a refused push ends the run there (answers undefined). Signed when the profile or
 * the provider asks (RFC 9101): the request object is then what is pushed or carried.
 */
export async function authorize(w: RunWriter, client: ClientCredentials): Promise<string | undefined> {
  const { profile } = w.run;
  const { random, now } = w.deps;
  const state = randomToken(random);
  const nonce = requestsOpenId(profile.scopes) ? randomToken(random) : undefined;
  // FAPI 2.0 §5.3.2.2: PKCE with S256, whatever Use PKCE says.
  const pkce = profile.usePkce || profile.fapi2 ? await createPkce(random) : undefined;
  const params = authorizationParams(profile, {
    state,
    ...(nonce ? { nonce } : {}),
    ...(pkce ? { pkce } : {}),
  });
  w.update((run) => ({
    ...addSecrets(run, { state, nonce, code_verifier: pkce?.verifier }),
    flight: { state, ...(nonce ? { nonce } : {}), ...(pkce ? { codeVerifier: pkce.verifier } : {}) },
  }));
  // RFC 9449 §10: the code bound to the run's DPoP key from the start.
  const jkt = await runJkt(w.run);
  if (jkt) params.push(['dpop_jkt', jkt]);
  // RFC 9101: every parameter inside a request object signed with the client's key (held: checked at start).
  const request = usesJar(profile, serverOf(w.run)) ? await requestObject(w, params) : undefined;
  if (request) w.update((run) => addSecrets(run, { request_object: request }));
  const signed = request ? beside(params, request) : params;
  let delivered = signed;
  if (usesPar(profile, serverOf(w.run))) {
    const requestUri = await pushed(w, profile.endpoints.par ?? '', signed, client);
    if (requestUri === undefined) return undefined;
    // RFC 9126 §4: the authorization request names the client and the pushed request, nothing else.
    delivered = [
      ['client_id', profile.clientId],
      ['request_uri', requestUri],
    ];
  }
  // In the query; the step records what the login window's URL actually carries.
  const { url, sent } = await byQuery(profile.endpoints.authorization, delivered);
  w.append({
    kind: 'authorize',
    status: 'ok',
    at: now(),
    url,
    params: sent,
    exchanges: [],
  });
  return url;
}
