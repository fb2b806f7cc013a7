import { ownExchange } from '../../core/view/step-kinds.ts';
import { Secretish } from '../../ui/presentation.tsx';
import { OutcomeLine } from './outcome-line.tsx';
import { StepExchanges } from './step-exchanges.tsx';
import type { StepProps } from './step-props.ts';
import { t } from '../../ui/words.ts';

/** A JSON body laid out for reading; undefined when the body is not JSON. */
function pretty(body: string | undefined): string | undefined {
  if (!body?.trim()) return undefined;
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return undefined;
  }
}

/** A call to an API: what was asked, its outcome (explained when refused), the answer laid out, the exchange. */
export function ApiStep({ step, curl }: StepProps<'api'>) {
  const answer = ownExchange(step)?.response;
  const json = pretty(answer?.body);
  return (
    <>
      <h3>{t('stepApi')}</h3>
      {/* A running step has no request recorded yet. */}
      {step.call && (
        <p>
          <code>
            {step.call.method} {step.call.url}
          </code>
        </p>
      )}
      <OutcomeLine step={step} />
      {json !== undefined && (
        <pre aria-label={t('apiAnswerJson')}>
          <Secretish>{json}</Secretish>
        </pre>
      )}
      <StepExchanges step={step} curl={curl} />
    </>
  );
}
