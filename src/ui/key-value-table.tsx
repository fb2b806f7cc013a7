import type { ComponentChildren } from 'preact';
import { Secretish } from './presentation.tsx';

/** Values that are secrets wherever a table shows them by name. */
const SECRET_NAMES: ReadonlySet<string> = new Set([
  'access_token',
  'refresh_token',
  'id_token',
  'code',
  'code_verifier',
  'client_secret',
]);

/**
 * Names and values as a real table, named by its caption (tests and screen readers find it so).
 * Values are text: provider data is never rendered as HTML.
 */
export function KeyValueTable({
  caption,
  rows,
  secret = SECRET_NAMES,
}: {
  caption: string;
  rows: [name: string, value: string, extra?: ComponentChildren][];
  /** Names whose values presentation mode hides (tokens and codes). */
  secret?: ReadonlySet<string>;
}) {
  return (
    <table>
      <caption class="muted" style="text-align:left">
        {caption}
      </caption>
      <tbody>
        {rows.map(([name, value, extra], i) => (
          <tr key={`${name}-${i}`}>
            <th scope="row">{name}</th>
            <td>
              <code>{secret.has(name) ? <Secretish>{value}</Secretish> : value}</code>
              {extra}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
