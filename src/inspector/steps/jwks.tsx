import { ColumnHeads } from '../../ui/column-heads.tsx';
import { t } from '../../ui/words.ts';
import { OutcomeLine } from './outcome-line.tsx';
import { StepExchanges } from './step-exchanges.tsx';
import type { StepProps } from './step-props.ts';

const COLUMNS = ['kid', 'kty', 'alg', 'use'] as const;

/** The provider's keys as it publishes them now: one row per key (its material stays in the answer). */
export function JwksStep({ step, curl }: StepProps<'jwks'>) {
  return (
    <>
      <h3>{t('stepJwks')}</h3>
      <OutcomeLine step={step} />
      {step.keys && (
        <table>
          <caption class="muted">{t('jwksKeys')}</caption>
          <ColumnHeads names={[...COLUMNS]} />
          <tbody>
            {step.keys.map((key, i) => (
              <tr key={i}>
                {COLUMNS.map((name) => (
                  <td key={name}>
                    <code>{key[name] ?? t('absent')}</code>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <StepExchanges step={step} curl={curl} />
    </>
  );
}
