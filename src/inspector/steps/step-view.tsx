import { messageOf } from '../../core/view/words.ts';
import type { FunctionComponent } from 'preact';
import { memo } from '../../ui/memo.ts';
import { useErrorBoundary } from 'preact/hooks';
import { Secretish } from '../../ui/presentation.tsx';
import { t } from '../../ui/words.ts';
import type { Step, StepKind } from '../../core/run/run.ts';
import type { StepOf } from '../../core/view/steps.ts';
import { AuthorizeStep } from './authorize.tsx';
import { CallbackStep } from './callback.tsx';
import { DiscoveryStep } from './discovery.tsx';
import type { StepProps } from './step-props.ts';
import { TokenStep } from './token.tsx';
import { ValidationStep } from './validation.tsx';
import { IntrospectionStep } from './introspection.tsx';
import { JwksStep } from './jwks.tsx';
import { ParStep } from './par.tsx';
import { RefreshStep } from './refresh.tsx';
import { RevocationStep } from './revocation.tsx';
import { UserinfoStep } from './userinfo.tsx';
import { ApiStep } from './api.tsx';

/** Each step kind's view in the Exchange section: a new kind adds one file and one line here. */
const VIEWS: { [K in StepKind]: FunctionComponent<StepProps<K>> } = {
  discovery: DiscoveryStep,
  par: ParStep,
  authorize: AuthorizeStep,
  callback: CallbackStep,
  token: TokenStep,
  validation: ValidationStep,
  refresh: RefreshStep,
  userinfo: UserinfoStep,
  revocation: RevocationStep,
  introspection: IntrospectionStep,
  api: ApiStep,
  jwks: JwksStep,
};

/**
 * A step stored by a newer version (a kind this one does not know), or one whose view failed: said
 * so, with its raw record, instead of a blank page. Values stay hidden in presentation mode.
 */
function UnknownStep({ step, error }: { step: Step; error?: unknown }) {
  return (
    <>
      <h3>{t('unknownStep', String((step as { kind?: unknown }).kind))}</h3>
      {error !== undefined && <p class="muted">{messageOf(error)}</p>}
      <pre>
        <Secretish>{JSON.stringify(step, null, 2)}</Secretish>
      </pre>
    </>
  );
}

function renderStep<K extends StepKind>(kind: K, step: StepOf<K>, curl: StepProps<K>['curl']) {
  const View: FunctionComponent<StepProps<K>> | undefined = Object.hasOwn(VIEWS, kind)
    ? VIEWS[kind]
    : undefined;
  return View ? <View step={step} curl={curl} /> : <UnknownStep step={step} />;
}

/** One step's view; if it throws (a record this version reads wrongly), the step says so and the page lives on. */
function Guarded({ step, curl }: ViewProps) {
  const [error] = useErrorBoundary() as [unknown, () => void];
  return error ? <UnknownStep step={step} error={error} /> : renderStep(step.kind, step, curl);
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

export const StepView = memo(Guarded, sameStep);
