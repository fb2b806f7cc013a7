import { ClaimsTable } from '../../ui/claims-table.tsx';
import { StepExchanges } from './step-exchanges.tsx';
import { OutcomeLine } from './outcome-line.tsx';
import type { StepProps } from './step-props.ts';
import { t } from '../../ui/words.ts';

export function UserinfoStep({ step, curl }: StepProps<'userinfo'>) {
  return (
    <>
      <h3>{t('stepUserinfo')}</h3>
      <OutcomeLine step={step} />
      {step.claims && <ClaimsTable values={step.claims} caption={t('userinfoClaims')} />}
      <StepExchanges step={step} curl={curl} />
    </>
  );
}
