import { clientOf, type ClientCredential } from '../../core/protocol/client-auth.ts';
import { extraParams } from '../../core/protocol/extra-params.ts';
import { jwksRequest } from '../../core/protocol/jwks.ts';
import { tokenRequest } from '../../core/protocol/token.ts';
import { bringInspectorToFront, openInspectorBehind } from '../inspector-page.ts';
import { mark } from '../marks.ts';
import { failUnexpectedly } from '../run-store.ts';
import { authorize } from '../steps/authorize.ts';
import { callback } from '../steps/callback.ts';
import { token } from '../steps/token.ts';
import { validation } from '../steps/validation.ts';
import { send } from '../transport.ts';
import { dpopProof } from '../dpop.ts';
import { savedIfSlow, SHOW_TOKENS_AFTER_MS, type RunWriter } from './runner.ts';

/**
 * RFC 6749 §4.1 with OpenID Connect: authorize, the login window and its callback, the code
 * redeemed, the tokens checked. Answers once the login window is about to open; the rest goes on.
 */
export async function authorizationCode(
  w: RunWriter,
  credential: ClientCredential | undefined,
): Promise<void> {
  const url = await authorize(w, clientOf(w.run.profile, credential));
  // A refused push ended the run before any window: its answer comes to the front.
  if (url === undefined) return bringInspectorToFront(w.deps.platform, w.run.id);
  // Persisted before the window opens: a worker stopped during the login still leaves the record.
  await w.save();
  await openInspectorBehind(w.deps.platform, w.run.id);
  void afterLogin(w, url, credential).catch((e: unknown) =>
    failUnexpectedly(w.deps.platform, w.run, e, w.deps.now()),
  );
}

async function afterLogin(
  w: RunWriter,
  url: string,
  credential: ClientCredential | undefined,
): Promise<void> {
  // The provider's keys are fetched while the person logs in: off the path after the callback.
  const jwksUri = w.run.profile.endpoints.jwks;
  const prefetchedJwks = jwksUri
    ? send(w.deps, jwksRequest(jwksUri), { role: 'jwks' }).then((sent) => sent.exchange)
    : undefined;
  const code = await callback(w, url);
  if (code === undefined) return;
  const { profile, flight } = w.run;
  const client = clientOf(profile, credential);
  const request = tokenRequest({
    tokenEndpoint: profile.endpoints.token,
    code,
    redirectUri: profile.redirectUri,
    ...(flight?.codeVerifier ? { codeVerifier: flight.codeVerifier } : {}),
    extra: extraParams(profile.extraToken),
  });
  const proof = dpopProof(w.deps, w.run);
  const tokens = await token(w, { request, client, expectIdToken: true, ...(proof ? { proof } : {}) });
  if (!tokens) return;
  // The tokens show by themselves only while checking them is slow (a JWKS fetched now).
  await savedIfSlow(w, SHOW_TOKENS_AFTER_MS, () => validation(w, { ...tokens, prefetchedJwks }));
  mark('verified');
  await w.finish();
}
