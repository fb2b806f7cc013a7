import { useState } from 'preact/hooks';

/** A button named for what it copies ("Copy raw body"), so its name is never a field's label. */
export function CopyButton({ text, what }: { text: string; what: string }) {
  const [done, setDone] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(text);
    setDone(true);
    setTimeout(() => setDone(false), 1500);
  };
  return (
    <button type="button" onClick={() => void copy()} aria-label={`Copy ${what}`}>
      {done ? 'Copied' : `Copy ${what}`}
    </button>
  );
}
