import type { Step } from '../../core/run.ts';
import { verdict, verdictText } from '../../core/view/verdict.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';

/** An action's own outcome: in progress, its checks' verdict, or the error that stopped it. */
export function OutcomeLine({ step, done }: { step: Step; done?: string }) {
  if (step.status === 'running') return <p class="muted">In progress…</p>;
  const v = verdict(step.checks ?? []);
  return (
    <>
      <p class={`outcome-${step.status === 'failed' ? 'failed' : 'done'}`}>
        <strong>{step.status === 'failed' ? 'Failed' : (done ?? 'Done')}</strong>
        {v.ran > 0 && <span> · {verdictText(v)}</span>}
      </p>
      {step.error && <ErrorAlert error={step.error} />}
    </>
  );
}
