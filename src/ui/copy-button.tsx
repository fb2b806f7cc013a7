import { useState } from 'preact/hooks';

/**
 * A button named for what it copies ("Copy raw body"), so its name is never a field's label.
 * `text` may be produced on demand (a report, a curl command asked of the worker).
 */
export function CopyButton({
  text,
  what,
}: {
  text: string | (() => Promise<string | undefined>);
  what: string;
}) {
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState('');
  const copy = async () => {
    setError('');
    try {
      const value = typeof text === 'string' ? text : await text();
      if (value === undefined) throw new Error('there was nothing to copy');
      await navigator.clipboard.writeText(value);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch (e) {
      setError(
        `Could not copy ${what.replace(/^as curl: /, 'the curl command for the ')}: ${(e as Error).message}`,
      );
    }
  };
  return (
    <>
      <button type="button" onClick={() => void copy()} aria-label={`Copy ${what}`}>
        {copied ? 'Copied' : `Copy ${what}`}
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
