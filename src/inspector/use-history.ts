import { useEffect, useState } from 'preact/hooks';
import { HISTORY_LIMIT, isRun, type Run } from '../core/run.ts';
import { readAll, watchPrefixes } from '../platform/storage.ts';

/**
 * Every stored run, newest first (records of another schema version are counted, not shown): the full copies of this browser session, and the redacted copies
 * on disk for the runs before it. Live, as runs start, finish or are deleted.
 */
export function useHistory(): { runs: Run[]; unreadable: number } {
  const [history, setHistory] = useState<{ runs: Run[]; unreadable: number }>({ runs: [], unreadable: 0 });
  useEffect(() => {
    let current = true;
    const load = async () => {
      const [session, local] = await Promise.all([readAll('session'), readAll('local')]);
      const stored = (area: Record<string, unknown>, prefix: string) =>
        Object.entries(area)
          .filter(([k]) => k.startsWith(prefix))
          .map(([, v]) => v);
      const records = [...stored(local, 'history:'), ...stored(session, 'run:')];
      const byId = new Map<string, Run>();
      for (const run of records.filter(isRun)) byId.set(run.id, run); // session last: the full copy wins
      const runs = [...byId.values()].sort((a, b) => b.createdAt - a.createdAt).slice(0, HISTORY_LIMIT);
      if (current) setHistory({ runs, unreadable: records.filter((r) => !isRun(r)).length });
    };
    void load();
    const stops = [
      watchPrefixes('session', ['run:'], () => void load()),
      watchPrefixes('local', ['history:'], () => void load()),
    ];
    return () => {
      current = false;
      stops.forEach((stop) => stop());
    };
  }, []);
  return history;
}
