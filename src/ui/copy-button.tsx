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
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      const value = typeof text === 'string' ? text : await text();
      if (value === undefined) return;
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      setState('failed');
    }
    setTimeout(() => setState('idle'), 1500);
  };
  return (
    <button type="button" onClick={() => void copy()} aria-label={`Copy ${what}`}>
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : `Copy ${what}`}
    </button>
  );
}
