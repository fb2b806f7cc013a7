import { clientOf, type ClientCredential } from '../../core/protocol/client-auth.ts';
import { extraParams } from '../../core/protocol/extra-params.ts';
import { clientCredentialsRequest } from '../../core/protocol/token.ts';
import { openInspectorBehind } from '../inspector-page.ts';
import { mark } from '../marks.ts';
import { failUnexpectedly } from '../run-store.ts';
import { token } from '../steps/token.ts';
import { dpopProof } from '../dpop.ts';
import { validation } from '../steps/validation.ts';
import { savedIfSlow, SHOW_TOKENS_AFTER_MS, type RunWriter } from './runner.ts';

/** RFC 6749 §4.4: no user and no login window; the token request at once, the inspector in front. */
export async function clientCredentials(
  w: RunWriter,
  credential: ClientCredential | undefined,
): Promise<void> {
  await w.save();
  await openInspectorBehind(w.deps.platform, w.run.id);
  void tokens(w, credential).catch((e: unknown) => failUnexpectedly(w.deps.platform, w.run, e, w.deps.now()));
}

async function tokens(w: RunWriter, credential: ClientCredential | undefined): Promise<void> {
  const { profile } = w.run;
  const client = clientOf(profile, credential);
  const extra = extraParams(profile.extraToken);
  const request = clientCredentialsRequest(profile.endpoints.token, profile.scopes, extra);
  const proof = dpopProof(w.deps, w.run);
  const received = await token(w, { request, client, expectIdToken: false, ...(proof ? { proof } : {}) });
  if (!received) return;
  await savedIfSlow(w, SHOW_TOKENS_AFTER_MS, () => validation(w, received));
  mark('verified');
  await w.finish();
}
