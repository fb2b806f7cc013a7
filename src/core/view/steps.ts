import type { Exchange } from '../http.ts';
import type { Run, Step, StepKind } from '../run.ts';

export type StepOf<K extends StepKind> = Extract<Step, { kind: K }>;

/** The newest step of `kind`, if the run has one. */
export function lastStep<K extends StepKind>(run: Run, kind: K): StepOf<K> | undefined {
  return run.steps.findLast((s): s is StepOf<K> => s.kind === kind);
}

/**
 * The step holding the run's current tokens: the newest token response (a later refresh, once there
 * is one, supersedes the login's). The top sections of the inspector show these.
 */
export const currentTokens = (run: Run): StepOf<'token'> | undefined => lastStep(run, 'token');

/** The HTTP exchanges a step recorded, in order: what the Exchange section shows and curl repeats. */
export const stepExchanges = (step: Step): Exchange[] =>
  'exchanges' in step ? step.exchanges : 'exchange' in step && step.exchange ? [step.exchange] : [];
