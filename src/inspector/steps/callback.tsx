import { KeyValueTable } from '../../ui/key-value-table.tsx';
import type { StepProps } from './step-props.ts';

export function CallbackStep({ step }: StepProps<'callback'>) {
  if (step.status === 'running') return null;
  return (
    <>
      <h3>Callback</h3>
      {step.url ? <pre>{step.url}</pre> : <p class="muted">No callback arrived.</p>}
      <KeyValueTable rows={step.params} caption="Callback parameters" />
    </>
  );
}
