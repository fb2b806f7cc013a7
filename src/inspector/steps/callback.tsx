import { KeyValueTable } from '../../ui/key-value-table.tsx';
import { Secretish } from '../../ui/presentation.tsx';
import type { StepProps } from './step-props.ts';

export function CallbackStep({ step }: StepProps<'callback'>) {
  if (step.status === 'running') return null;
  return (
    <>
      <h3>Callback</h3>
      {step.url ? (
        <pre>
          <Secretish>{step.url}</Secretish>
        </pre>
      ) : (
        <p class="muted">No callback arrived.</p>
      )}
      <KeyValueTable rows={step.params} caption="Callback parameters" />
    </>
  );
}
