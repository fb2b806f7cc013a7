import type { Run, StepKind } from '../core/run.ts';
import { actionCount } from '../core/view/actions.ts';
import { loginChecks, verdict, verdictText } from '../core/view/verdict.ts';

export const STEP_TITLES: Record<StepKind, string> = {
  discovery: 'Discovery',
  authorize: 'Authorize request',
  callback: 'Login and callback',
  token: 'Token request',
  validation: 'Token validation',
  refresh: 'Refresh',
  userinfo: 'UserInfo',
  revocation: 'Revocation',
  introspection: 'Introspection',
};

export const RUN_STATUS: Record<Run['status'], string> = {
  running: 'In progress',
  done: 'Tokens received',
  failed: 'Failed',
  interrupted: 'Interrupted',
};

/** One line for the history list: the outcome, which step failed, the checks' verdict. */
export function outcomeText(run: Run): string {
  const failedStep = run.steps.find((s) => s.status === 'failed');
  const head =
    run.status === 'failed' && failedStep
      ? `Failed at ${STEP_TITLES[failedStep.kind]}`
      : RUN_STATUS[run.status];
  const v = verdict(loginChecks(run));
  const actions = actionCount(run);
  const tail = actions ? ` · ${actions} action${actions === 1 ? '' : 's'}` : '';
  return (run.status === 'running' || v.ran === 0 ? head : `${head} · ${verdictText(v)}`) + tail;
}

export function durationText(run: Run): string {
  if (run.finishedAt === undefined) return '';
  const ms = run.finishedAt - run.createdAt;
  return ms < 1000
    ? `${ms} ms`
    : ms < 120_000
      ? `${(ms / 1000).toFixed(1)} s`
      : `${Math.round(ms / 60_000)} min`;
}
