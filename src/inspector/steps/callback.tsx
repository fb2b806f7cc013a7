import { KeyValueTable } from '../../ui/key-value-table.tsx';
import { Secretish } from '../../ui/presentation.tsx';
import { StepExchanges } from './step-exchanges.tsx';
import type { StepProps } from './step-props.ts';
import { t } from '../../ui/words.ts';

export function CallbackStep({ step, curl }: StepProps<'callback'>) {
  if (step.status === 'running') return null;
  return (
    <>
      <h3>{t('reportCallback')}</h3>
      {step.url ? (
        <pre>
          <Secretish>{step.url}</Secretish>
        </pre>
      ) : (
        <p class="muted">{t('noCallback')}</p>
      )}
      <KeyValueTable rows={step.params} caption={t('callbackParams')} />
      <StepExchanges step={step} curl={curl} />
    </>
  );
}
