import { useEffect, useState } from 'preact/hooks';

const two = (n: number) => String(n).padStart(2, '0');

/** "23:59:58": a countdown of whole seconds, days in front when there are any. */
export function countdown(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(s / 86400);
  const clock = `${two(Math.floor((s % 86400) / 3600))}:${two(Math.floor((s % 3600) / 60))}:${two(s % 60)}`;
  return days ? `${days} d ${clock}` : clock;
}

/** When a token expires, with a live countdown (or how long ago it did). */
export function Expiry({ at, what }: { at: number | undefined; what: string }) {
  // The clock is read at each render; the interval only asks for one a second.
  const [, tick] = useState(0);
  useEffect(() => {
    if (at === undefined) return undefined;
    const timer = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, [at]);
  if (at === undefined) return null;
  const left = at - Date.now();
  return (
    <p class={left > 0 ? 'muted' : 'status-failed'}>
      {left > 0
        ? `The ${what} expires ${new Date(at).toLocaleString()}, in ${countdown(left)}.`
        : `The ${what} expired ${new Date(at).toLocaleString()}, ${countdown(-left)} ago.`}
    </p>
  );
}
