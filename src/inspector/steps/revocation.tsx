import { ExchangeView } from '../exchange-view.tsx';
import { OutcomeLine } from './outcome-line.tsx';
import type { StepProps } from './step-props.ts';

const NAMES = { access_token: 'access token', refresh_token: 'refresh token' } as const;

export function RevocationStep({ step, curl }: StepProps<'revocation'>) {
  return (
    <>
      <h3>Revocation</h3>
      <OutcomeLine step={step} done={`The ${NAMES[step.token]} was revoked`} />
      {step.exchange && <ExchangeView exchange={step.exchange} name="Revocation" curl={curl(0)} />}
    </>
  );
}
