import { changedFields } from '../../core/view/refresh-diff.ts';
import { ColumnHeads } from '../../ui/column-heads.tsx';
import { KeyValueTable } from '../../ui/key-value-table.tsx';
import { Secretish } from '../../ui/presentation.tsx';
import { StepExchanges } from './step-exchanges.tsx';
import { OutcomeLine } from './outcome-line.tsx';
import type { StepProps } from './step-props.ts';
import { t } from '../../ui/words.ts';

const text = (v: unknown) => (v === undefined ? t('absent') : typeof v === 'string' ? v : JSON.stringify(v));

/** A refresh: whether the refresh token rotated, what changed against the previous response, the exchange. */
export function RefreshStep({ step, curl }: StepProps<'refresh'>) {
  const changed = step.fields ? changedFields(step.previous ?? {}, step.fields) : [];
  return (
    <>
      <h3>{t('stepRefresh')}</h3>
      <OutcomeLine step={step} done={step.rotation ? t(`rotation_${step.rotation}`) : undefined} />
      {step.fields && (
        <table>
          <caption class="muted">{t('fieldsChanged')}</caption>
          <ColumnHeads names={[t('colField'), t('colBefore'), t('colAfter')]} />
          <tbody>
            {changed.map((name) => (
              <tr key={name}>
                <th scope="row">{name}</th>
                {[step.previous?.[name], step.fields?.[name]].map((v, i) => (
                  <td key={i}>
                    <code>{name.endsWith('_token') ? <Secretish>{text(v)}</Secretish> : text(v)}</code>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {step.fields && (
        <KeyValueTable
          caption={t('refreshFields')}
          rows={Object.entries(step.fields).map(([n, v]) => [n, text(v)])}
        />
      )}
      <StepExchanges step={step} curl={curl} />
    </>
  );
}
