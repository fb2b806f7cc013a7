import { ExchangeView } from '../exchange-view.tsx';
import type { StepProps } from './step-props.ts';

export function TokenStep({ step, curl }: StepProps<'token'>) {
  if (!step.exchange) return null;
  return (
    <>
      <h3>Token request and response</h3>
      <ExchangeView exchange={step.exchange} name="Token" curl={curl(0)} />
    </>
  );
}
