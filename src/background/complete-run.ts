import { callbackParams, readCallback, type Params } from '../core/callback.ts';
import { FlowError } from '../core/flow-error.ts';
import { failureError, performExchange, type Exchange } from '../core/http.ts';
import { decodeToken } from '../core/jwt.ts';
import { loginWindowError } from '../core/login-window.ts';
import { addSecrets, appendStep, finishRun, settleLastStep, type Run } from '../core/run.ts';
import { readTokenResponse, tokenRequest } from '../core/token.ts';
import { extensionRedirectUrl, launchLogin } from '../platform/identity.ts';
import { routeRedirectToExtension, stopRoutingRedirect } from '../platform/net-rules.ts';
import type { WorkerDeps } from './deps.ts';
import { saveRun } from './run-store.ts';

export interface InFlight {
  url: string;
  clientSecret: string;
}

/** The login window, the callback checks and the token request; every outcome ends in the run. */
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
  const fail = async (error: FlowError, step: Run['steps'][number]) => {
    const info = error.info;
    await save(finishRun(settleLastStep(run, { ...step, status: 'failed', error: info }), deps.now(), info));
  };
  record(run);

  const ownRedirect = extensionRedirectUrl();
  const routed = run.profile.redirectUri !== ownRedirect;
  if (routed) await routeRedirectToExtension(run.profile.redirectUri, ownRedirect);
  let callbackUrl: string;
  try {
    callbackUrl = await launchLogin(flight.url);
  } catch (e) {
    return await fail(loginWindowError((e as Error).message), {
      kind: 'callback',
      status: 'failed',
      at: deps.now(),
      params: [],
    });
  } finally {
    if (routed) await stopRoutingRedirect();
  }
  const params: Params = callbackParams(callbackUrl);
  const callbackStep = { kind: 'callback', status: 'ok', at: deps.now(), url: callbackUrl, params } as const;
  let code: string;
  try {
    code = readCallback(params, { state: run.flight?.state ?? '', issuer: run.profile.issuer });
  } catch (e) {
    if (e instanceof FlowError) return fail(e, callbackStep);
    throw e;
  }
  run = addSecrets(run, code);
  run = settleLastStep(run, callbackStep);
  const sent = performExchange(
    tokenRequest({
      tokenEndpoint: run.profile.endpoints.token,
      code,
      redirectUri: run.profile.redirectUri,
      clientId: run.profile.clientId,
      clientSecret: flight.clientSecret,
      ...(run.flight?.codeVerifier ? { codeVerifier: run.flight.codeVerifier } : {}),
    }),
    deps.http,
  );
  // Recorded once the request is on its way, so the inspector's update does not delay it.
  record(appendStep(run, { kind: 'token', status: 'running', at: deps.now() }));
  const exchange: Exchange = await sent;
  const tokenStep = { kind: 'token', status: 'ok', at: deps.now(), exchange } as const;
  try {
    const noResponse = failureError(exchange);
    if (noResponse) throw noResponse;
    const fields = readTokenResponse(exchange, flight.clientSecret);
    const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
    const idToken = str(fields.id_token);
    const accessToken = str(fields.access_token);
    run = addSecrets(run, accessToken, idToken, str(fields.refresh_token));
    run = settleLastStep(run, {
      ...tokenStep,
      fields,
      ...(accessToken ? { accessToken: decodeToken(accessToken) } : {}),
      ...(idToken ? { idToken: decodeToken(idToken) } : {}),
    });
    await save(finishRun(run, deps.now()));
  } catch (e) {
    if (e instanceof FlowError) return fail(e, tokenStep);
    throw e;
  }
}
