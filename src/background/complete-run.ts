import { readCallback } from '../core/protocol/callback.ts';
import { callbackParams } from '../core/protocol/params.ts';
import type { FlowErrorInfo } from '../core/flow-error.ts';
import { performExchange } from '../core/protocol/http.ts';
import { addSecrets, appendStep, finishRun, settleLastStep, type Run, type Step } from '../core/run/run.ts';
import { extraParams } from '../core/protocol/extra-params.ts';
import { tokenRequest } from '../core/protocol/token.ts';
import { clientOf } from '../core/protocol/client-auth.ts';
import { lastStep } from '../core/view/steps.ts';
import { jwksRequest } from '../core/protocol/jwks.ts';
import { awaitCallback } from './await-callback.ts';
import { receiveTokens } from './receive-tokens.ts';
import { bringInspectorToFront } from './inspector-page.ts';
import { mark } from './marks.ts';
import type { WorkerDeps } from './deps.ts';
import { saveRun } from './run-store.ts';

export interface InFlight {
  url: string;
  clientSecret: string;
}

/** The login window, the callback checks, the token request and the token checks; every outcome ends in the run. */
export async function completeRun(started: Run, flight: InFlight, deps: WorkerDeps): Promise<void> {
  let run = appendStep(started, {
    kind: 'callback',
    status: 'running',
    at: deps.now(),
    params: [],
    exchanges: [],
  });
  const fail = async (info: FlowErrorInfo, step: Step) => {
    await saveRun(
      finishRun(settleLastStep(run, { ...step, status: 'failed', error: info }), deps.now(), info),
    );
    void bringInspectorToFront(run.id);
  };
  // Not awaited: one run's writes land in order (run-store), and the login window need not wait.
  void saveRun(run);

  // The provider's keys are fetched while the person logs in: off the path after the callback.
  const jwksUri = run.profile.endpoints.jwks;
  const prefetchedJwks = jwksUri ? performExchange(jwksRequest(jwksUri), deps.http) : undefined;
  const login = await awaitCallback(run, flight.url);
  mark('callback');
  if ('error' in login)
    return fail(login.error, {
      kind: 'callback',
      status: 'failed',
      at: deps.now(),
      params: [],
      exchanges: [],
    });
  const { callbackUrl } = login;
  const params = callbackParams(callbackUrl);
  // Whatever the callback carries is secret before it is judged: a refused callback's code too.
  const get = (name: string) => params.find(([n]) => n === name)?.[1];
  run = addSecrets(run, {
    code: get('code'),
    access_token: get('access_token'),
    id_token: get('id_token'),
    refresh_token: get('refresh_token'),
  });
  const metadata = lastStep(run, 'discovery')?.metadata;
  const reading = readCallback(callbackUrl, params, {
    state: run.flight?.state ?? '',
    issuer: run.profile.issuer,
    arrivesAt: login.arrivesAt,
    issAdvertised: metadata?.authorization_response_iss_parameter_supported === true,
  });
  const callbackStep: Step = {
    kind: 'callback',
    status: 'ok',
    at: deps.now(),
    url: callbackUrl,
    params,
    exchanges: [],
    checks: reading.checks,
    checkedAt: deps.now(),
  };
  if (reading.code === undefined) return fail(reading.error!, callbackStep);
  const code = reading.code;
  run = settleLastStep(run, callbackStep);

  const client = clientOf(run.profile, flight.clientSecret);
  const request = tokenRequest({
    ...client,
    tokenEndpoint: run.profile.endpoints.token,
    code,
    redirectUri: run.profile.redirectUri,
    ...(run.flight?.codeVerifier ? { codeVerifier: run.flight.codeVerifier } : {}),
    extra: extraParams(run.profile.extraToken),
  });
  await receiveTokens(run, { request, client, expectIdToken: true, prefetchedJwks }, deps);
}
