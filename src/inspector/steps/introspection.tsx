import { ClaimsTable } from '../../ui/claims-table.tsx';
import { StepExchanges } from './step-exchanges.tsx';
import { OutcomeLine } from './outcome-line.tsx';
import type { StepProps } from './step-props.ts';
import { t } from '../../ui/words.ts';

export function IntrospectionStep({ step, curl }: StepProps<'introspection'>) {
  const active = step.fields?.active;
  const token = step.token === 'access_token' ? 'AccessToken' : 'RefreshToken';
  const said = active === true ? t(`active${token}`) : active === false ? t(`inactive${token}`) : undefined;
  return (
    <>
      <h3>{t('stepIntrospection')}</h3>
      <OutcomeLine step={step} done={said} />
      {step.fields && <ClaimsTable values={step.fields} caption={t(`introspectionOf${token}`)} />}
      <StepExchanges step={step} curl={curl} />
    </>
  );
}
