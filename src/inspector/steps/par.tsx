import { KeyValueTable } from '../../ui/key-value-table.tsx';
import { RequestObject } from './request-object.tsx';
import { OutcomeLine } from './outcome-line.tsx';
import { StepExchanges } from './step-exchanges.tsx';
import type { StepProps } from './step-props.ts';
import { t } from '../../ui/words.ts';

/** RFC 9126: the parameters pushed, the provider's answer (its exchange: request, response, checks). */
export function ParStep({ step, curl }: StepProps<'par'>) {
  return (
    <>
      <h3>{t('stepPar')}</h3>
      <OutcomeLine step={step} />
      <KeyValueTable rows={step.params} caption={t('parParams')} />
      <RequestObject params={step.params} />
      <StepExchanges step={step} curl={curl} />
    </>
  );
}
