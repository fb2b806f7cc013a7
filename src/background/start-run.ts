import { authorizeUrl } from '../core/protocol/authorize.ts';
import type { FlowErrorInfo } from '../core/flow-error.ts';
import { createPkce } from '../core/protocol/pkce.ts';
import {
  isClientCredentials,
  profileProblems,
  requestsOpenId,
  type Profile,
} from '../core/profile/profile.ts';
import { extraParams } from '../core/protocol/extra-params.ts';
import { clientCredentialsRequest } from '../core/protocol/token.ts';
import { clientOf } from '../core/protocol/client-auth.ts';
import { randomToken } from '../core/protocol/random.ts';
import { addSecrets, appendStep, finishRun, newRun } from '../core/run/run.ts';
import { originNames, providerOrigins } from '../core/view/origins.ts';
import { extensionRedirectUrl, isOwnRedirect, redirectRefused } from '../platform/identity.ts';
import { profileSnapshot } from '../core/view/profile-snapshot.ts';
import type { RetrySetting } from '../core/view/actions.ts';
import type { Res } from '../messages.ts';
import { missingOrigins } from '../platform/permissions.ts';
import type { WorkerDeps } from './deps.ts';
import { completeRun } from './complete-run.ts';
import { receiveTokens } from './receive-tokens.ts';
import { openInspectorBehind } from './inspector-page.ts';
import { discoverForRun } from './run-discovery.ts';
import { failUnexpectedly, loadRun, own, saveRun } from './run-store.ts';
import { say, sayAll } from '../core/i18n/say.ts';

type StartRunResponse = Res<'startRun'>;

const refuse = (error: FlowErrorInfo): StartRunResponse => ({ ok: false, error });

const accessRefusal = (origins: string[]): FlowErrorInfo => ({
  code: 'permission_missing',
  ...say('notAllowed', originNames(origins)),
  origins,
});

/**
 * Everything up to opening the login window. Problems found here are answered to the popup (which
 * is still open); from the login window on, the run record carries them to the inspector.
 */
export async function startRun(
  requested: Profile,
  profileName: string,
  clientSecret: string,
  deps: WorkerDeps,
  retry?: RetrySetting,
): Promise<StartRunResponse> {
  const problems = profileProblems(requested);
  if (isClientCredentials(requested) && clientSecret === '')
    problems.push(say('problemClientCredentialsSecret'));
  if (!isClientCredentials(requested) && redirectRefused(requested.redirectUri))
    problems.push(say('problemRedirectNotOwn', requested.redirectUri, extensionRedirectUrl()));
  if (problems.length) return refuse({ code: 'invalid_input', ...sayAll(problems) });
  const notGranted = await missingOrigins(providerOrigins(requested, isOwnRedirect));
  if (notGranted.length) return refuse(accessRefusal(notGranted));

  const runId = randomToken(deps.random, 12);
  own(runId);
  let run = addSecrets(
    { ...newRun(runId, profileSnapshot(requested), deps.now()), profileName, ...(retry ? { retry } : {}) },
    { client_secret: clientSecret },
  );

  const discovered = await discoverForRun(run, deps);
  run = discovered.run;
  if (discovered.error) {
    await saveRun(finishRun(run, deps.now(), discovered.error));
    return refuse(discovered.error);
  }
  // Discovery may have moved an endpoint to an origin not granted yet: the popup asks for exactly those.
  const missing = await missingOrigins(providerOrigins(run.profile, isOwnRedirect));
  if (missing.length) {
    const error = accessRefusal(missing);
    await saveRun(finishRun(run, deps.now(), error));
    return refuse(error);
  }
  const profile = run.profile;
  if (isClientCredentials(profile)) {
    // No user and no login window: the token request at once, the inspector in front.
    await saveRun(run);
    await openInspectorBehind(runId);
    const client = clientOf(profile, clientSecret);
    const extra = extraParams(profile.extraToken);
    const request = clientCredentialsRequest(profile.endpoints.token, profile.scopes, client, extra);
    void receiveTokens(run, { request, client, expectIdToken: false }, deps).catch((e: unknown) =>
      failUnexpectedly(runId, e, deps.now()),
    );
    return { ok: true, value: { runId } };
  }

  const state = randomToken(deps.random);
  const nonce = requestsOpenId(profile.scopes) ? randomToken(deps.random) : undefined;
  const pkce = profile.usePkce ? await createPkce(deps.random) : undefined;
  const url = authorizeUrl(profile, { state, ...(nonce ? { nonce } : {}), ...(pkce ? { pkce } : {}) });
  run = addSecrets(run, { state, nonce, code_verifier: pkce?.verifier });
  run = {
    ...run,
    flight: { state, ...(nonce ? { nonce } : {}), ...(pkce ? { codeVerifier: pkce.verifier } : {}) },
  };
  run = appendStep(run, {
    kind: 'authorize',
    status: 'ok',
    at: deps.now(),
    url,
    params: [...new URL(url).searchParams.entries()],
    exchanges: [],
  });
  // Persisted before the window opens: a worker stopped during the login still leaves the record.
  await saveRun(run);
  await openInspectorBehind(runId);
  void completeRun(run, { url, clientSecret }, deps).catch((e: unknown) =>
    failUnexpectedly(runId, e, deps.now()),
  );
  return { ok: true, value: { runId } };
}

/**
 * The same login again with another client authentication setting, from the inspector after the
 * client's credentials were refused: the run's profile and secret, a new run (and a new login window)
 * that remembers what it changed, so a success can keep it in the profile.
 */
export async function retryRun(
  runId: string,
  setting: RetrySetting,
  deps: WorkerDeps,
): Promise<StartRunResponse> {
  const run = await loadRun(runId);
  if (!run || run.redacted)
    return refuse({
      code: 'invalid_input',
      ...say('noSecretLeft'),
    });
  const secret = run.secrets.find((s) => s.kind === 'client_secret')?.value ?? '';
  const none = 'clientAuth' in setting && setting.clientAuth === 'none';
  return startRun({ ...run.profile, ...setting }, run.profileName ?? '', none ? '' : secret, deps, setting);
}
