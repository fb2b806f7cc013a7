import { KeyValueTable } from './key-value-table.tsx';
import { TIME_CLAIMS, describeTime } from './time.ts';
import { useNow } from './use-now.ts';
import { t, words } from './words.ts';
import type { MessageId } from '../core/view/words.ts';

const show = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value, null, 1));

/** A JWT header or claims set; time claims also as local time and relative ("in 23 h"). */
export function ClaimsTable({
  values,
  caption,
  explain,
}: {
  values: Record<string, unknown>;
  caption: string;
  /** What a name means, in a line after its value (the Read a token page). */
  explain?: (name: string) => MessageId | undefined;
}) {
  // Relative times tick while the table has any ("(now)" becomes "(7 s ago)").
  const now = useNow(
    Object.entries(values).some(([name, v]) => TIME_CLAIMS.has(name) && typeof v === 'number'),
  );
  return (
    <KeyValueTable
      caption={caption}
      rows={Object.entries(values).map(([name, value]) => [
        name,
        show(value),
        <>
          {TIME_CLAIMS.has(name) && typeof value === 'number' && (
            <span class="muted"> {describeTime(value, now, words)}</span>
          )}
          {explain?.(name) && <span class="meaning"> — {t(explain(name)!)}</span>}
        </>,
      ])}
    />
  );
}
