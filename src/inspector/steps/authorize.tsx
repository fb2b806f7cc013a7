import { KeyValueTable } from '../../ui/key-value-table.tsx';
import { Secretish } from '../../ui/presentation.tsx';
import type { StepProps } from './step-props.ts';

export function AuthorizeStep({ step }: StepProps<'authorize'>) {
  return (
    <>
      <h3>Authorize request</h3>
      <pre>
        <Secretish>{step.url}</Secretish>
      </pre>
      <KeyValueTable rows={step.params} caption="Authorize request parameters" />
    </>
  );
}
