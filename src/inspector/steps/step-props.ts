import type { Result } from '../../core/flow-error.ts';
import type { StepKind } from '../../core/run/run.ts';
import type { StepOf } from '../../core/view/steps.ts';

/** What every step view gets: its step, and the curl command for each of its exchanges. */
export interface StepProps<K extends StepKind> {
  step: StepOf<K>;
  curl: (exchange: number) => () => Promise<Result<string>>;
}
