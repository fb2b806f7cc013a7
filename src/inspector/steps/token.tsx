import { StepExchanges } from './step-exchanges.tsx';
import type { StepProps } from './step-props.ts';
import { t } from '../../ui/words.ts';

export function TokenStep({ step, curl }: StepProps<'token'>) {
  if (!step.exchanges.length) return null;
  return (
    <>
      <h3>{t('tokenExchange')}</h3>
      <StepExchanges step={step} curl={curl} />
    </>
  );
}
