import { ExchangeView } from '../exchange-view.tsx';
import type { StepProps } from './step-props.ts';
import { spoken, t } from '../../ui/words.ts';

export function DiscoveryStep({ step, curl }: StepProps<'discovery'>) {
  return (
    <>
      <h3>{t('stepDiscovery')}</h3>
      <p>{spoken(step.noteSay, step.note)}</p>
      <ExchangeView exchange={step.exchange} name={t('stepDiscovery')} curl={curl(0)} />
    </>
  );
}
