import { useEffect, useState } from 'preact/hooks';

/**
 * The clock, read again every `everyMs` while `ticking`: relative times ("7 s ago") and countdowns
 * keep moving on a page left open, not frozen at its last render.
 */
export function useNow(ticking: boolean, everyMs = 1000): number {
  const [, tick] = useState(0);
  useEffect(() => {
    if (!ticking) return undefined;
    const timer = setInterval(() => tick((n) => n + 1), everyMs);
    return () => clearInterval(timer);
  }, [ticking, everyMs]);
  return Date.now();
}
