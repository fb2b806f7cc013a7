import { readAuthorizationResponse } from '../../core/protocol/callback.ts';
import { callbackParams } from '../../core/protocol/params.ts';
import type { FlowErrorInfo } from '../../core/flow-error.ts';
import { addSecrets, type StepOf } from '../../core/run/run.ts';
import { serverOf } from '../../core/view/steps.ts';
import { awaitCallback } from '../await-callback.ts';
import type { RunWriter } from '../flows/runner.ts';
import { bringInspectorToFront } from '../inspector-page.ts';
import { mark } from '../marks.ts';

/**
 * RFC 6749 §4.1.2 (and RFC 9207 on `iss`): the login window, then the callback read and checked.
 * Answers the code; when there is none, the run has ended with why.
 */
export async function callback(w: RunWriter, authorizeUrl: string): Promise<string | undefined> {
  const { deps } = w;
  w.append({ kind: 'callback', status: 'running', at: deps.now(), params: [], exchanges: [] });
  const fail = async (info: FlowErrorInfo, step: StepOf<'callback'>) => {
    w.settle({ ...step, status: 'failed', error: info });
    await w.finish(info);
    void bringInspectorToFront(deps.platform, w.run.id);
    return undefined;
  };
  // Not awaited: one run's writes land in order (run-store), and the login window need not wait.
  void w.save();
  // Its window is recorded as it opens: a worker the browser stops mid-login cannot hear the answer,
  // and the next one closes that window instead of leaving a login whose answer is lost.
  void deps.platform.tabs.findLoginWindow(authorizeUrl).then((loginWindow) => {
    if (!loginWindow || w.run.steps.at(-1)?.status !== 'running') return;
    w.update((run) => ({ ...run, loginWindow }));
    void w.save();
  });
  const login = await awaitCallback(w.run, authorizeUrl, deps);
  w.update(({ loginWindow: _gone, ...run }) => run);
  mark('callback');
  if ('error' in login)
    return fail(login.error, {
      kind: 'callback',
      status: 'failed',
      at: deps.now(),
      params: [],
      exchanges: login.exchanges,
    });
  const { callbackUrl } = login;
  const params = callbackParams(callbackUrl);
  // Whatever the callback carries is secret before it is judged: a refused callback's code too.
  const get = (name: string) => params.find(([n]) => n === name)?.[1];
  w.update((run) =>
    addSecrets(run, {
      code: get('code'),
      access_token: get('access_token'),
      id_token: get('id_token'),
      refresh_token: get('refresh_token'),
    }),
  );
  const reading = await readAuthorizationResponse(callbackUrl, params, {
    state: w.run.flight?.state ?? '',
    issuer: w.run.profile.issuer,
    arrivesAt: login.arrivesAt,
    issAdvertised: serverOf(w.run)?.authorizationResponseIssParameterSupported === true,
  });
  const step: StepOf<'callback'> = {
    kind: 'callback',
    status: 'ok',
    at: deps.now(),
    url: callbackUrl,
    params,
    exchanges: [],
    checks: reading.checks,
    checkedAt: deps.now(),
  };
  if (reading.code === undefined) return fail(reading.error!, step);
  w.settle(step);
  return reading.code;
}
