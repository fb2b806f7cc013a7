import { readCallback } from '../core/callback.ts';
import { callbackParams } from '../core/params.ts';
import { tokenResponseChecks } from '../core/checks/token-checks.ts';
import type { FlowErrorInfo } from '../core/flow-error.ts';
import { performExchange } from '../core/http.ts';
import { decodeToken } from '../core/jwt.ts';
import { addSecrets, appendStep, finishRun, settleLastStep, type Run, type Step } from '../core/run.ts';
import { clientOf, readTokenResponse, tokenRequest } from '../core/token.ts';
import { lastStep } from '../core/view/steps.ts';
import { jwksRequest } from '../core/jwks.ts';
import { awaitCallback } from './await-callback.ts';
import { bringInspectorToFront } from './inspector-page.ts';
import { mark } from './marks.ts';
import type { WorkerDeps } from './deps.ts';
import { saveRun } from './run-store.ts';
import { validateTokens } from './validate-tokens.ts';

export interface InFlight {
  url: string;
  clientSecret: string;
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** The login window, the callback checks, the token request and the token checks; every outcome ends in the run. */
export async function completeRun(started: Run, flight: InFlight, deps: WorkerDeps): Promise<void> {
  let run = appendStep(started, { kind: 'callback', status: 'running', at: deps.now(), params: [] });
  const save = async (next: Run) => {
    run = next;
    await saveRun(run);
  };
  // Progress saves are not awaited: storage applies writes in order, and the token request after
  // the callback should not wait for the inspector's update.
  const record = (next: Run) => {
    run = next;
    void saveRun(run);
  };
  const fail = async (info: FlowErrorInfo, step: Step) => {
    await save(finishRun(settleLastStep(run, { ...step, status: 'failed', error: info }), deps.now(), info));
    void bringInspectorToFront(run.id);
  };
  record(run);

  // The provider's keys are fetched while the person logs in: off the path after the callback.
  const jwksUri = run.profile.endpoints.jwks;
  const prefetchedJwks = jwksUri ? performExchange(jwksRequest(jwksUri), deps.http) : undefined;
  const login = await awaitCallback(run, flight.url);
  mark('callback');
  if ('error' in login)
    return fail(login.error, { kind: 'callback', status: 'failed', at: deps.now(), params: [] });
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
    checks: reading.checks,
    checkedAt: deps.now(),
  };
  if (reading.code === undefined) return fail(reading.error!, callbackStep);
  const code = reading.code;
  run = settleLastStep(run, callbackStep);

  const client = clientOf(run.profile, flight.clientSecret);
  const sent = performExchange(
    tokenRequest({
      ...client,
      tokenEndpoint: run.profile.endpoints.token,
      code,
      redirectUri: run.profile.redirectUri,
      ...(run.flight?.codeVerifier ? { codeVerifier: run.flight.codeVerifier } : {}),
    }),
    deps.http,
  );
  // Recorded, and the inspector brought to the front, once the request is on its way: neither delays it.
  record(appendStep(run, { kind: 'token', status: 'running', at: deps.now() }));
  void bringInspectorToFront(run.id);
  const exchange = await sent;
  mark('token-answered');
  const { fields, error } = readTokenResponse(
    exchange,
    client,
    metadata?.token_endpoint_auth_methods_supported,
  );
  const idToken = str(fields?.id_token);
  const accessToken = str(fields?.access_token);
  run = addSecrets(run, {
    access_token: accessToken,
    id_token: idToken,
    refresh_token: str(fields?.refresh_token),
  });
  const tokenStep: Step = {
    kind: 'token',
    status: 'ok',
    at: deps.now(),
    exchange,
    ...(fields ? { fields } : {}),
    ...(accessToken ? { accessToken: decodeToken(accessToken) } : {}),
    ...(idToken ? { idToken: decodeToken(idToken) } : {}),
    checks: tokenResponseChecks(exchange, fields, run.profile.scopes),
    checkedAt: deps.now(),
  };
  if (error) return fail(error, tokenStep);
  // Tokens first: they show while the signature and claims are being checked.
  record(settleLastStep(run, tokenStep));
  run = await validateTokens(
    run,
    { idToken, accessToken, clientSecret: flight.clientSecret, metadata, prefetchedJwks },
    deps,
  );
  mark('verified');
  await save(finishRun(run, deps.now()));
}
