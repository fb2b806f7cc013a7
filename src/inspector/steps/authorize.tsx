import { KeyValueTable } from '../../ui/key-value-table.tsx';
import { RequestObject } from './request-object.tsx';
import { Secretish } from '../../ui/presentation.tsx';
import type { StepProps } from './step-props.ts';
import { t } from '../../ui/words.ts';

export function AuthorizeStep({ step }: StepProps<'authorize'>) {
  return (
    <>
      <h3>{t('stepAuthorize')}</h3>
      <pre>
        <Secretish>{step.url}</Secretish>
      </pre>
      <KeyValueTable rows={step.params} caption={t('authorizeParams')} />
      <RequestObject params={step.params} />
    </>
  );
}
