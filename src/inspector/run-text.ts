import type { Run, StepKind } from '../core/run/run.ts';
import { actionCount } from '../core/view/actions.ts';
import { stepTitleId } from '../core/view/step-kinds.ts';
import { headlineText } from '../core/view/headline.ts';
import { count, t, words } from '../ui/words.ts';

/** A step's title; a kind stored by a newer version is named as it is. */
export const stepTitle = (kind: StepKind): string => {
  const id = stepTitleId(kind);
  return id ? t(id) : String(kind);
};

/** One line for the history list: where and why a run failed (or its outcome), the checks' verdict. */
export function outcomeText(run: Run): string {
  const actions = actionCount(run);
  return headlineText(run, words) + (actions ? ` · ${count('actions', actions)}` : '');
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
