import { ColumnHeads } from './column-heads.tsx';
import type { Check } from '../core/checks/check.ts';
import { t, words } from './words.ts';
import { checkTitle, STATUS_TEXT } from '../core/view/verdict.ts';
import { checkTables } from '../core/view/step-kinds.ts';

const COLUMNS = ['colStatus', 'colCheck', 'colExpected', 'colActual', 'colRule'] as const;

/** Every check grouped by the step it judged; failures never hide anything else on the page. */
export function ChecksSection({ checks, checkedAt }: { checks: Check[]; checkedAt: number | undefined }) {
  if (checks.length === 0) return <p class="muted">{t('noChecks')}</p>;
  return (
    <>
      {checkedAt !== undefined && <p class="muted">{t('checksEvaluated', words.date(checkedAt))}</p>}
      {checkTables(checks).map(({ caption: title, rows }) => {
        return (
          <div key={title}>
            {/* A caption, not a heading: the page's headings stay unique ("Token response", "ID token"…). */}
            <table class="checks">
              <caption>{t(title)}</caption>
              <ColumnHeads names={COLUMNS.map((c) => t(c))} />
              <tbody>
                {rows.map((c) => (
                  <tr key={c.id} data-check={c.id}>
                    <td class={`check-${c.status}`}>{t(STATUS_TEXT[c.status])}</td>
                    <th scope="row">{checkTitle(c, words)}</th>
                    {/* data-label: a narrow DevTools dock stacks the columns and names them. */}
                    <td data-label={t('colExpected')}>
                      <code>{words.spoken(c.expectedSay, c.expected)}</code>
                    </td>
                    <td data-label={t('colActual')}>
                      <code>{words.spoken(c.actualSay, c.actual)}</code>
                    </td>
                    <td data-label={t('colRule')}>
                      <a href={c.specUrl} target="_blank" rel="noreferrer">
                        {c.spec}
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
    </>
  );
}
