import { ExchangeView } from '../exchange-view.tsx';
import { exchangeNameId } from '../../core/view/step-kinds.ts';
import type { StepProps } from './step-props.ts';
import { t } from '../../ui/words.ts';

/** The JWKS fetches made to verify the tokens (a second one when a `kid` was unknown). */
export function ValidationStep({ step, curl }: StepProps<'validation'>) {
  return (
    <>
      {step.exchanges.map((exchange, i) => (
        <div key={i}>
          <h3>{exchange.role === 'jwks-again' ? t('jwksAgain') : 'JWKS'}</h3>
          <ExchangeView
            exchange={exchange}
            name={t(exchangeNameId(step, exchange) ?? 'exchangeJwks')}
            curl={curl(i)}
          />
        </div>
      ))}
    </>
  );
}
