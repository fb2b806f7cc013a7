import { TIME_CLAIMS, describeTime } from './time.ts';

const show = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value, null, 1));

/** A JWT header or claims set as a table; provider data is rendered as text only. */
export function ClaimsTable({
  values,
  now,
  caption,
}: {
  values: Record<string, unknown>;
  now: number;
  caption: string;
}) {
  return (
    <table>
      <caption class="muted" style="text-align:left">
        {caption}
      </caption>
      <tbody>
        {Object.entries(values).map(([name, value]) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            <td>
              <code>{show(value)}</code>
              {TIME_CLAIMS.has(name) && typeof value === 'number' && (
                <span class="muted"> {describeTime(value, now)}</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
