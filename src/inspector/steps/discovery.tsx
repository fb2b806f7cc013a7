import { StepExchanges } from './step-exchanges.tsx';
import type { StepProps } from './step-props.ts';
import { spoken, t } from '../../ui/words.ts';

export function DiscoveryStep({ step, curl }: StepProps<'discovery'>) {
  return (
    <>
      <h3>{t('stepDiscovery')}</h3>
      <p>{spoken(step.noteSay, step.note)}</p>
      <StepExchanges step={step} curl={curl} />
    </>
  );
}
