import { say } from '../core/i18n/say.ts';
import { invalid, ok, type FlowErrorInfo, type Result } from '../core/flow-error.ts';
import { answerSecrets, sentAssertions } from '../core/run/answer-secrets.ts';
import { addAnswerSecrets, addAssertions, addSecrets, runCredential, type Step } from '../core/run/run.ts';
import { actionDef, stepDef } from '../core/run/steps/index.ts';
import { clientOf } from '../core/protocol/client-auth.ts';
import { actionTarget, actionToken, unavailableBecause, type ActionRequest } from '../core/view/actions.ts';
import type { WorkerDeps } from './deps.ts';
import { loadRun } from './run-store.ts';
import { runWriter, settleThrown } from './flows/runner.ts';
import { serial } from './serial.ts';
import { PERFORMERS } from './steps/index.ts';
import type { Performer } from './steps/performer.ts';

/**
 * One action on a finished run's tokens (refresh, UserInfo, introspect, revoke…): its step is
 * appended to the run, shown while it runs, and settled with its exchanges and checks. Never
 * automatic; refused, saying why, when the run no longer holds what the action needs.
 */
export function runAction(
  runId: string,
  request: ActionRequest,
  deps: WorkerDeps,
  performers: Readonly<typeof PERFORMERS> = PERFORMERS,
): Promise<Result<{ status: 'ok' | 'failed'; error?: FlowErrorInfo }>> {
  return serial(async () => {
    const stored = await loadRun(deps.platform, runId);
    if (!stored) return invalid(say('runGone', runId));
    const reason = unavailableBecause(stored, request);
    if (reason) return { ok: false, error: { code: 'invalid_input', ...reason } };
    const hint = request.token ?? 'access_token';
    const running = {
      kind: request.action,
      status: 'running',
      at: deps.now(),
      exchanges: [],
      // The kinds that take a hint name the token while they run, too.
      ...(actionDef(request.action).sends === undefined ? { token: hint } : {}),
    } as Step;
    const w = runWriter(stored, deps);
    w.append(running);
    await w.save();
    const perform = performers[request.action] as Performer<typeof request.action>;
    let done;
    try {
      done = await perform({
        run: w.run,
        endpoint: actionTarget(stored, request)!,
        token: actionToken(stored, request)!,
        hint,
        client: clientOf(stored.profile, runCredential(stored)),
        deps,
        ...(request.call ? { call: request.call } : {}),
      });
    } catch (e) {
      const error = settleThrown(w, e);
      await w.save();
      return ok({ status: 'failed' as const, error });
    }
    // A refresh's own answer is token-shaped; JWKS fetches after it are not.
    const tokens = stepDef(request.action)?.answersTokens === true;
    const carried = done.step.exchanges.flatMap(
      (ex) => answerSecrets(ex, tokens && (ex.role === 'token' || ex.role === 'nonce-retry')).values,
    );
    const sent = sentAssertions(done.step.exchanges);
    w.update((run) => addAnswerSecrets(addAssertions(addSecrets(run, done.secrets ?? {}), sent), carried));
    w.settle(done.step);
    await w.save();
    return ok({
      status: done.step.status === 'failed' ? 'failed' : 'ok',
      ...(done.step.error ? { error: done.step.error } : {}),
    });
  });
}
