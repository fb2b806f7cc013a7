import { useState } from 'preact/hooks';
import type { FlowErrorInfo, Result } from '../core/flow-error.ts';
import { errorText, messageOf } from '../core/view/words.ts';
import { t, words } from './words.ts';

/**
 * A button named for what it copies ("Copy raw body"), so its name is never a field's label.
 * `text` may be produced on demand (a report, a curl command asked of the worker).
 */
export function CopyButton({
  text,
  label,
  onError,
}: {
  text: string | (() => Promise<Result<string>>);
  /** The button's name: "Copy raw body". */
  label: string;
  /** Where a failure goes when the page keeps one alert for all its areas; else it shows beside the button. */
  onError?: (error: FlowErrorInfo | undefined) => void;
}) {
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState('');
  const copy = async () => {
    setError('');
    onError?.(undefined);
    const failed = (reason: string) => {
      const message = t('copyFailed', label, reason);
      if (onError) onError({ code: 'internal', message });
      else setError(message);
    };
    try {
      const answer = typeof text === 'string' ? { ok: true as const, value: text } : await text();
      if (!answer.ok) return failed(errorText(answer.error, words));
      await navigator.clipboard.writeText(answer.value);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch (e) {
      failed(messageOf(e));
    }
  };
  return (
    <>
      <button type="button" onClick={() => void copy()} aria-label={label}>
        {copied ? t('copied') : label}
      </button>
      {error && (
        <span role="alert" class="status-failed">
          {' '}
          {error}
        </span>
      )}
    </>
  );
}
