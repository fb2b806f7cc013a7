import type { ComponentChildren } from 'preact';

/**
 * Names and values as a real table, named by its caption (tests and screen readers find it so).
 * Values are text: provider data is never rendered as HTML.
 */
export function KeyValueTable({
  caption,
  rows,
}: {
  caption: string;
  rows: [name: string, value: string, extra?: ComponentChildren][];
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
              <code>{value}</code>
              {extra}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
