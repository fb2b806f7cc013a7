import { tokenResponseChecks } from '../core/checks/token-checks.ts';
import type { FlowErrorInfo } from '../core/flow-error.ts';
import { performExchange, type Exchange, type HttpRequest } from '../core/protocol/http.ts';
import { decodeToken } from '../core/protocol/jwt.ts';
import { answerSecrets } from '../core/run/answer-secrets.ts';
import {
  addAnswerSecrets,
  addSecrets,
  appendStep,
  finishRun,
  settleLastStep,
  type Run,
  type Step,
} from '../core/run/run.ts';
import { readTokenResponse } from '../core/protocol/token.ts';
import { type ClientCredentials } from '../core/protocol/client-auth.ts';
import { lastStep } from '../core/view/steps.ts';
import type { WorkerDeps } from './deps.ts';
import { bringInspectorToFront } from './inspector-page.ts';
import { mark } from './marks.ts';
import { saveRun } from './run-store.ts';
import { validateTokens } from './validate-tokens.ts';

/** How long a token request may take before the inspector shows it in flight. */
const SHOW_RUNNING_AFTER_MS = 200;

const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

export interface TokenCall {
  request: HttpRequest;
  client: ClientCredentials;
  /** A login with `openid` expects an ID token; client credentials never brings one. */
  expectIdToken: boolean;
  prefetchedJwks?: Promise<Exchange> | undefined;
}

/**
 * The token request and everything after it: the token step (shown while the checks run), the
 * validation step, the run's end. The inspector comes to the front once the request is on its way.
 */
export async function receiveTokens(started: Run, call: TokenCall, deps: WorkerDeps): Promise<void> {
  const sent = performExchange(call.request, deps.http);
  let run = appendStep(started, { kind: 'token', status: 'running', at: deps.now(), exchanges: [] });
  // Saving (and the inspector re-rendering) while the request is out slows it on a busy machine: the
  // request in flight is shown only when the answer is slow to come.
  const slow = setTimeout(() => void saveRun(run), SHOW_RUNNING_AFTER_MS);
  void bringInspectorToFront(run.id);
  const exchange = await sent;
  clearTimeout(slow);
  mark('token-answered');
  const metadata = lastStep(run, 'discovery')?.metadata;
  const { fields, error } = readTokenResponse(
    exchange,
    call.client,
    metadata?.token_endpoint_auth_methods_supported,
  );
  const idToken = str(fields?.id_token);
  const accessToken = str(fields?.access_token);
  run = addSecrets(run, {
    access_token: accessToken,
    id_token: idToken,
    refresh_token: str(fields?.refresh_token),
  });
  // Whatever else the answer may carry (camelCase, nested, form-encoded, JWT-shaped) before any save.
  run = addAnswerSecrets(run, answerSecrets(exchange).values);
  const checks = tokenResponseChecks(exchange, fields, run.profile.scopes);
  const tokenStep: Step = {
    kind: 'token',
    status: error ? 'failed' : 'ok',
    at: deps.now(),
    exchanges: [exchange],
    ...(fields ? { fields } : {}),
    ...(accessToken ? { accessToken: decodeToken(accessToken) } : {}),
    ...(idToken ? { idToken: decodeToken(idToken) } : {}),
    ...(error ? { error } : {}),
    checks: call.expectIdToken ? checks : checks.filter((c) => c.id !== 'token.id_token'),
    checkedAt: deps.now(),
  };
  if (error) return endWith(settleLastStep(run, tokenStep), deps, error);
  // Tokens first: they show while the signature and claims are being checked.
  run = settleLastStep(run, tokenStep);
  void saveRun(run);
  run = await validateTokens(
    run,
    {
      idToken,
      accessToken,
      clientSecret: call.client.clientSecret,
      metadata,
      prefetchedJwks: call.prefetchedJwks,
    },
    deps,
  );
  mark('verified');
  await saveRun(finishRun(run, deps.now()));
}

async function endWith(run: Run, deps: WorkerDeps, error: FlowErrorInfo): Promise<void> {
  await saveRun(finishRun(run, deps.now(), error));
}
