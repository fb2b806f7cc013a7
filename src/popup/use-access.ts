import { useEffect, useState } from 'preact/hooks';
import { hasOrigins } from '../platform/permissions.ts';

/**
 * The host-permission patterns among `origins` not granted yet; `recheck` after a request. Shown
 * ahead of Authorize so the user knows the browser will ask, and can allow it there and then.
 */
export function useMissingAccess(origins: string[]): [string[], () => void] {
  const [missing, setMissing] = useState<string[]>([]);
  const [round, setRound] = useState(0);
  const key = origins.join(' ');
  useEffect(() => {
    let current = true;
    void Promise.all(origins.map(async (o) => ((await hasOrigins([o])) ? [] : [o]))).then((found) => {
      if (current) setMissing(found.flat());
    });
    return () => {
      current = false;
    };
  }, [key, round]); // `key` stands for `origins`, a new array each render
  return [missing, () => setRound((r) => r + 1)];
}
