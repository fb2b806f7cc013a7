import { authorizeUrl } from '../core/authorize.ts';
import { discoveryChecks } from '../core/checks/discovery-checks.ts';
import { discoveryRequest, parsedObject, readDiscovery } from '../core/discovery.ts';
import type { FlowErrorInfo } from '../core/flow-error.ts';
import { performExchange } from '../core/http.ts';
import { createPkce } from '../core/pkce.ts';
import { fallbackEndpoints, profileProblems, requestsOpenId, type Profile } from '../core/profile.ts';
import { randomToken } from '../core/random.ts';
import { addSecrets, appendStep, finishRun, newRun } from '../core/run.ts';
import { originNames, providerOrigins } from '../core/view/origins.ts';
import { profileSnapshot } from '../core/view/profile-snapshot.ts';
import type { Res } from '../messages.ts';
import { hasOrigins } from '../platform/permissions.ts';
import { stripOriginFromOwnRequests } from '../platform/net-rules.ts';
import { extensionId, extensionUrl } from '../platform/runtime.ts';
import { showPageInBackground } from '../platform/tabs.ts';
import { discoveryHttp, type WorkerDeps } from './deps.ts';
import { discoveryNote } from './discover.ts';
import { completeRun } from './complete-run.ts';
import { failUnexpectedly, own, saveRun } from './run-store.ts';

type StartRunResponse = Res<'startRun'>;

const refuse = (error: FlowErrorInfo): StartRunResponse => ({ ok: false, error });

const accessMessage = (origins: string[]) =>
  `The extension is not allowed to contact ${originNames(origins)}. Press Authorize and allow access when the browser asks.`;

export const inspectorUrl = (runId: string): string => extensionUrl(`src/inspector/index.html#run=${runId}`);

/**
 * Everything up to opening the login window. Problems found here are answered to the popup (which
 * is still open); from the login window on, the run record carries them to the inspector.
 */
export async function startRun(
  requested: Profile,
  profileName: string,
  clientSecret: string,
  deps: WorkerDeps,
): Promise<StartRunResponse> {
  let profile = requested;
  const problems = profileProblems(profile);
  if (problems.length) return refuse({ code: 'invalid_input', message: problems.join(' ') });
  const origins = providerOrigins(profile);
  if (!(await hasOrigins(origins)))
    return refuse({ code: 'permission_missing', message: accessMessage(origins) });

  const runId = randomToken(deps.random, 12);
  own(runId);
  let run = addSecrets(
    { ...newRun(runId, profileSnapshot(profile), deps.now()), profileName },
    { client_secret: clientSecret },
  );

  // The Origin rule is set now, off the path between the callback and the token request.
  const [exchange] = await Promise.all([
    performExchange(discoveryRequest(profile.issuer), discoveryHttp(deps)),
    stripOriginFromOwnRequests(extensionId()),
  ]);
  const outcome = readDiscovery(exchange, profile.issuer);
  const note = discoveryNote(exchange, outcome);
  const metadata = outcome.status === 'found' ? outcome.metadata : undefined;
  const mismatch = outcome.status === 'mismatch' ? outcome : undefined;
  const checks = discoveryChecks(mismatch ? parsedObject(exchange.response?.body) : metadata, profile.issuer);
  const discoveryStep = {
    kind: 'discovery',
    at: deps.now(),
    exchange,
    note,
    ...(metadata ? { metadata } : {}),
    checks,
    checkedAt: deps.now(),
  } as const;
  if (mismatch) {
    const error: FlowErrorInfo = { code: 'discovery_issuer_mismatch', message: note, ...mismatch };
    run = appendStep(run, { ...discoveryStep, status: 'failed', error });
    await saveRun(finishRun(run, deps.now(), error));
    return refuse(error);
  }
  run = appendStep(run, { ...discoveryStep, status: 'ok' });

  // Endpoints left at BTG Id's documented paths give way to what the provider publishes.
  const untouched = JSON.stringify(profile.endpoints) === JSON.stringify(fallbackEndpoints(profile.issuer));
  if (untouched && outcome.status === 'found') {
    const published = outcome.endpoints;
    const fallback = fallbackEndpoints(profile.issuer);
    const endpoints = {
      authorization: published.authorization || fallback.authorization,
      token: published.token || fallback.token,
      jwks: published.jwks,
    };
    profile = { ...profile, endpoints };
    run = { ...run, profile: { ...run.profile, endpoints } };
    const more = providerOrigins(profile);
    if (!(await hasOrigins(more))) {
      const error: FlowErrorInfo = { code: 'permission_missing', message: accessMessage(more) };
      await saveRun(finishRun(run, deps.now(), error));
      return refuse(error);
    }
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
  });
  // Persisted before the window opens: a worker stopped during the login still leaves the record.
  await saveRun(run);
  await showPageInBackground(inspectorUrl(runId));
  void completeRun(run, { url, clientSecret }, deps).catch((e: unknown) =>
    failUnexpectedly(runId, e, deps.now()),
  );
  return { ok: true, value: { runId } };
}
