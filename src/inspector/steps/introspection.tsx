import { ClaimsTable } from '../../ui/claims-table.tsx';
import { ExchangeView } from '../exchange-view.tsx';
import { OutcomeLine } from './outcome-line.tsx';
import type { StepProps } from './step-props.ts';

const NAMES = { access_token: 'access token', refresh_token: 'refresh token' } as const;

export function IntrospectionStep({ step, curl }: StepProps<'introspection'>) {
  const active = step.fields?.active;
  const said = active === true ? 'active' : active === false ? 'not active' : undefined;
  return (
    <>
      <h3>Introspection</h3>
      <OutcomeLine step={step} done={said && `The ${NAMES[step.token]} is ${said}`} />
      {step.fields && (
        <ClaimsTable
          values={step.fields}
          now={Date.now()}
          caption={`Introspection of the ${NAMES[step.token]}`}
        />
      )}
      {step.exchange && <ExchangeView exchange={step.exchange} name="Introspection" curl={curl(0)} />}
    </>
  );
}
