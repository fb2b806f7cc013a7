import type { FunctionComponent } from 'preact';
import { memo } from 'preact/compat';
import type { Step, StepKind } from '../../core/run.ts';
import type { StepOf } from '../../core/view/steps.ts';
import { AuthorizeStep } from './authorize.tsx';
import { CallbackStep } from './callback.tsx';
import { DiscoveryStep } from './discovery.tsx';
import type { StepProps } from './step-props.ts';
import { TokenStep } from './token.tsx';
import { ValidationStep } from './validation.tsx';
import { IntrospectionStep } from './introspection.tsx';
import { RefreshStep } from './refresh.tsx';
import { RevocationStep } from './revocation.tsx';
import { UserinfoStep } from './userinfo.tsx';

/** Each step kind's view in the Exchange section: a new kind adds one file and one line here. */
const VIEWS: { [K in StepKind]: FunctionComponent<StepProps<K>> } = {
  discovery: DiscoveryStep,
  authorize: AuthorizeStep,
  callback: CallbackStep,
  token: TokenStep,
  validation: ValidationStep,
  refresh: RefreshStep,
  userinfo: UserinfoStep,
  revocation: RevocationStep,
  introspection: IntrospectionStep,
};

function renderStep<K extends StepKind>(kind: K, step: StepOf<K>, curl: StepProps<K>['curl']) {
  const View: FunctionComponent<StepProps<K>> = VIEWS[kind];
  return <View step={step} curl={curl} />;
}

interface ViewProps {
  step: Step;
  curl: StepProps<StepKind>['curl'];
}

/** A step never changes once settled: the run growing re-renders only its newest step. */
const sameStep = (a: ViewProps, b: ViewProps) =>
  a.step === b.step ||
  (a.step.kind === b.step.kind &&
    a.step.at === b.step.at &&
    a.step.status === b.step.status &&
    a.step.checkedAt === b.step.checkedAt);

export const StepView = memo(({ step, curl }: ViewProps) => renderStep(step.kind, step, curl), sameStep);
