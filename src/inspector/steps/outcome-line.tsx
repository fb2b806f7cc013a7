import type { Step } from '../../core/run/run.ts';
import { verdict, verdictText } from '../../core/view/verdict.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { t, words } from '../../ui/words.ts';

/** An action's own outcome: in progress, its checks' verdict, or the error that stopped it. */
export function OutcomeLine({ step, done }: { step: Step; done?: string }) {
  if (step.status === 'running') return <p class="muted">{t('inProgress')}</p>;
  const v = verdict(step.checks ?? []);
  const checks = v.ran > 0 ? verdictText(v, words, step.status === 'failed') : '';
  return (
    <>
      <p class={`outcome-${step.status === 'failed' ? 'failed' : 'done'}`}>
        <strong>{step.status === 'failed' ? t('runFailed') : (done ?? t('done'))}</strong>
        {checks && <span> · {checks}</span>}
      </p>
      {step.error && <ErrorAlert error={step.error} />}
    </>
  );
}
