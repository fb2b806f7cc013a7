import { dpopBindingCheck, tokenResponseChecks } from '../../core/checks/token-checks.ts';
import type { HttpRequest } from '../../core/protocol/http.ts';
import { send, type Proof } from '../transport.ts';
import { runJkt } from '../dpop.ts';
import { decodeToken } from '../../core/protocol/jwt.ts';
import { answerSecrets, sentAssertions } from '../../core/run/answer-secrets.ts';
import { addAnswerSecrets, addAssertions, addSecrets, type StepOf } from '../../core/run/run.ts';
import { readTokenResponse } from '../../core/protocol/token.ts';
import { secretOf, type ClientCredentials } from '../../core/protocol/client-auth.ts';
import { serverOf } from '../../core/view/steps.ts';
import type { RunWriter } from '../flows/runner.ts';
import { bringInspectorToFront } from '../inspector-page.ts';
import { mark } from '../marks.ts';
import { str } from './performer.ts';
import type { TokensToValidate } from './validation.ts';

/** How long a token request may take before the inspector shows it in flight. */
const SHOW_RUNNING_AFTER_MS = 200;

export interface TokenCall {
  /** The request before the client's authentication, which the transport applies. */
  request: HttpRequest;
  client: ClientCredentials;
  /** A login with `openid` expects an ID token; client credentials never brings one. */
  expectIdToken: boolean;
  /** The run's DPoP proof (RFC 9449), when it proves possession of a key. */
  proof?: Proof;
}

/**
 * The token request (RFC 6749 §4.1.3 or §4.4) and its answer read and checked: the token step
 * (saved with the validation after it, or before it when that is slow). Answers the tokens to
 * validate; when the provider refused, the run has ended with why. The inspector comes to the front
 * with the answer (or while a slow answer is awaited), not while the request is out: a tab coming to
 * the front competes with the request for the browser.
 */
export async function token(w: RunWriter, call: TokenCall): Promise<TokensToValidate | undefined> {
  const { deps } = w;
  const sending = send(deps, call.request, {
    role: 'token',
    client: call.client,
    issuer: w.run.profile.issuer,
    ...(call.proof ? { proof: call.proof } : {}),
  });
  w.append({ kind: 'token', status: 'running', at: deps.now(), exchanges: [] });
  // Saving (and the inspector re-rendering and coming to the front) while the request is out slows
  // it on a busy machine: the request in flight is shown only when the answer is slow to come.
  const slow = setTimeout(() => {
    void w.save();
    void bringInspectorToFront(deps.platform, w.run.id);
  }, SHOW_RUNNING_AFTER_MS);
  const { exchange, exchanges } = await sending;
  clearTimeout(slow);
  void bringInspectorToFront(deps.platform, w.run.id);
  mark('token-answered');
  const server = serverOf(w.run);
  const { fields, error } = readTokenResponse(
    exchange,
    call.client,
    server?.tokenEndpointAuthMethodsSupported,
    {
      assertionAlgs: server?.tokenEndpointAuthSigningAlgValuesSupported,
      ...(w.run.refusedBefore ? { refusedBefore: w.run.refusedBefore } : {}),
    },
  );
  const idToken = str(fields?.id_token);
  const accessToken = str(fields?.access_token);
  // The tokens, and whatever else the answer may carry (camelCase, nested, form-encoded, JWT-shaped),
  // are secrets before any save.
  w.update((run) =>
    addAnswerSecrets(
      addSecrets(addAssertions(run, sentAssertions(exchanges)), {
        access_token: accessToken,
        id_token: idToken,
        refresh_token: str(fields?.refresh_token),
      }),
      exchanges.flatMap((ex) => answerSecrets(ex, true).values),
    ),
  );
  const jkt = call.proof ? await runJkt(w.run) : undefined;
  const checks = [
    ...tokenResponseChecks(exchange, fields, w.run.profile.scopes),
    ...(jkt && !error ? [dpopBindingCheck(accessToken ? decodeToken(accessToken) : undefined, jkt)] : []),
  ];
  const step: StepOf<'token'> = {
    kind: 'token',
    status: error ? 'failed' : 'ok',
    at: deps.now(),
    exchanges,
    ...(fields ? { fields } : {}),
    ...(accessToken ? { accessToken: decodeToken(accessToken) } : {}),
    ...(idToken ? { idToken: decodeToken(idToken) } : {}),
    ...(error ? { error } : {}),
    checks: call.expectIdToken ? checks : checks.filter((c) => c.id !== 'token.id_token'),
    checkedAt: deps.now(),
  };
  w.settle(step);
  if (error) {
    await w.finish(error);
    return undefined;
  }
  return {
    idToken,
    accessToken,
    clientSecret: secretOf(call.client),
    algsSupported: server?.idTokenSigningAlgValuesSupported,
  };
}
