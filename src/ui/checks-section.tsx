import { ColumnHeads } from './column-heads.tsx';
import type { Check } from '../core/check.ts';

const GROUPS: [prefix: string, title: string][] = [
  ['discovery', 'Discovery'],
  ['callback', 'Callback'],
  ['token', 'Token response'],
  ['id_token', 'ID token'],
  ['access_token', 'Access token'],
  ['refresh', 'Refresh'],
  ['userinfo', 'UserInfo'],
  ['revocation', 'Revocation'],
  ['introspection', 'Introspection'],
  ['trace', 'Trace'],
];

const STATUS_TEXT: Record<Check['status'], string> = {
  pass: '✓ pass',
  fail: '✗ fail',
  warn: '! warn',
  skip: '– skip',
};

/** Every check grouped by the step it judged; failures never hide anything else on the page. */
export function ChecksSection({ checks, checkedAt }: { checks: Check[]; checkedAt: number | undefined }) {
  if (checks.length === 0) return <p class="muted">No checks yet.</p>;
  return (
    <>
      {checkedAt !== undefined && (
        <p class="muted">Evaluated {new Date(checkedAt).toLocaleString()}, when each step completed.</p>
      )}
      {GROUPS.map(([prefix, title]) => {
        const rows = checks.filter((c) => c.id.startsWith(`${prefix}.`));
        if (rows.length === 0) return null;
        return (
          <div key={prefix}>
            {/* A caption, not a heading: the page's headings stay unique ("Token response", "ID token"…). */}
            <table class="checks">
              <caption>{title} checks</caption>
              <ColumnHeads names={['Status', 'Check', 'Expected', 'Actual', 'Rule']} />
              <tbody>
                {rows.map((c) => (
                  <tr key={c.id} data-check={c.id}>
                    <td class={`check-${c.status}`}>{STATUS_TEXT[c.status]}</td>
                    <th scope="row">{c.title}</th>
                    <td>
                      <code>{c.expected}</code>
                    </td>
                    <td>
                      <code>{c.actual}</code>
                    </td>
                    <td>
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
