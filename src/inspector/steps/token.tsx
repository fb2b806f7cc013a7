import { ExchangeView } from '../exchange-view.tsx';
import type { StepProps } from './step-props.ts';
import { t } from '../../ui/words.ts';

export function TokenStep({ step, curl }: StepProps<'token'>) {
  if (!step.exchange) return null;
  return (
    <>
      <h3>{t('tokenExchange')}</h3>
      <ExchangeView exchange={step.exchange} name={t('exchangeToken')} curl={curl(0)} />
    </>
  );
}
