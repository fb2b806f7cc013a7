import { authorizationParams, byQuery } from '../../core/protocol/authorize.ts';
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

/**
 * RFC 6749 §4.1.1 with PKCE (RFC 7636 S256) and, for `openid`, a nonce (OIDC Core §3.1.2.1): the
 * authorize step and the URL the login window opens. What the callback must match stays in flight.
 * Pushed first (RFC 9126) when the profile or the provider asks: the window then carries `client_id`
 * and `request_uri` only; a refused push ends the run there (answers undefined).
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
  let delivered = params;
  if (usesPar(profile, serverOf(w.run))) {
    const requestUri = await pushed(w, profile.endpoints.par ?? '', params, client);
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
