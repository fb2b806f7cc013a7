import { authorizationParams, byQuery } from '../../core/protocol/authorize.ts';
import { createPkce } from '../../core/protocol/pkce.ts';
import { randomToken } from '../../core/protocol/random.ts';
import { requestsOpenId } from '../../core/profile/profile.ts';
import { addSecrets } from '../../core/run/run.ts';
import type { RunWriter } from '../flows/runner.ts';

/**
 * RFC 6749 §4.1.1 with PKCE (RFC 7636 S256) and, for `openid`, a nonce (OIDC Core §3.1.2.1): the
 * authorize step and the URL the login window opens. What the callback must match stays in flight.
 */
export async function authorize(w: RunWriter): Promise<string> {
  const { profile } = w.run;
  const { random, now } = w.deps;
  const state = randomToken(random);
  const nonce = requestsOpenId(profile.scopes) ? randomToken(random) : undefined;
  const pkce = profile.usePkce ? await createPkce(random) : undefined;
  const params = authorizationParams(profile, {
    state,
    ...(nonce ? { nonce } : {}),
    ...(pkce ? { pkce } : {}),
  });
  // Delivered in the query; the step records what the login window's URL actually carries.
  const { url, sent } = await byQuery(profile.endpoints.authorization, params);
  w.update((run) => ({
    ...addSecrets(run, { state, nonce, code_verifier: pkce?.verifier }),
    flight: { state, ...(nonce ? { nonce } : {}), ...(pkce ? { codeVerifier: pkce.verifier } : {}) },
  }));
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
