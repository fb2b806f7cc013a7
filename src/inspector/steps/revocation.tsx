import { StepExchanges } from './step-exchanges.tsx';
import { OutcomeLine } from './outcome-line.tsx';
import type { StepProps } from './step-props.ts';
import { t } from '../../ui/words.ts';

export function RevocationStep({ step, curl }: StepProps<'revocation'>) {
  return (
    <>
      <h3>{t('stepRevocation')}</h3>
      <OutcomeLine
        step={step}
        done={t(step.token === 'access_token' ? 'revokedAccessToken' : 'revokedRefreshToken')}
      />
      <StepExchanges step={step} curl={curl} />
    </>
  );
}
