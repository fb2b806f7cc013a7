import type { Step } from '../../core/run/run.ts';
import { exchangeNameId } from '../../core/view/step-kinds.ts';
import { t } from '../../ui/words.ts';
import { ExchangeView } from '../exchange-view.tsx';
import type { StepProps } from './step-props.ts';

/** Every exchange of a step (its own request, then any JWKS fetch), each named as its kind names it. */
export function StepExchanges({ step, curl }: { step: Step; curl: StepProps<Step['kind']>['curl'] }) {
  return (
    <>
      {step.exchanges.map((exchange, i) => {
        const name = exchangeNameId(step, exchange);
        return <ExchangeView key={i} exchange={exchange} name={name ? t(name) : step.kind} curl={curl(i)} />;
      })}
    </>
  );
}
