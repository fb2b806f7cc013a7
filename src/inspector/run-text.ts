import type { Run, StepKind } from '../core/run/run.ts';
import { actionCount } from '../core/view/actions.ts';
import { stepTitleId } from '../core/view/step-kinds.ts';
import { loginChecks, verdict, verdictText } from '../core/view/verdict.ts';
import type { MessageId } from '../core/view/words.ts';
import { count, t, words } from '../ui/words.ts';

/** A step's title; a kind stored by a newer version is named as it is. */
export const stepTitle = (kind: StepKind): string => {
  const id = stepTitleId(kind);
  return id ? t(id) : String(kind);
};

const STATUS_IDS: Record<Run['status'], MessageId> = {
  running: 'runRunning',
  done: 'runDone',
  failed: 'runFailed',
  interrupted: 'runInterrupted',
};
export const runStatus = (status: Run['status']) => t(STATUS_IDS[status]);

/** One line for the history list: the outcome, which step failed, the checks' verdict. */
export function outcomeText(run: Run): string {
  const failedStep = run.steps.find((s) => s.status === 'failed');
  const head =
    run.status === 'failed' && failedStep
      ? t('runFailedAt', stepTitle(failedStep.kind))
      : runStatus(run.status);
  const v = verdict(loginChecks(run));
  const actions = actionCount(run);
  const tail = actions ? ` · ${count('actions', actions)}` : '';
  return (run.status === 'running' || v.ran === 0 ? head : `${head} · ${verdictText(v, words)}`) + tail;
}

const seconds = new Intl.NumberFormat(words.locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 });

export function durationText(run: Run): string {
  if (run.finishedAt === undefined) return '';
  const ms = run.finishedAt - run.createdAt;
  return ms < 1000
    ? `${words.number(ms)} ms`
    : ms < 120_000
      ? `${seconds.format(ms / 1000)} s`
      : `${words.number(Math.round(ms / 60_000))} min`;
}
