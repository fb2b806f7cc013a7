import { useEffect, useState } from 'preact/hooks';
import { HISTORY_LIMIT, isRun, type Run } from '../core/run.ts';
import { readAll, watchPrefixes } from '../platform/storage.ts';

/**
 * Every stored run, newest first: the full copies of this browser session, and the redacted copies
 * on disk for the runs before it. Live, as runs start, finish or are deleted.
 */
export function useHistory(): Run[] {
  const [runs, setRuns] = useState<Run[]>([]);
  useEffect(() => {
    let current = true;
    const load = async () => {
      const [session, local] = await Promise.all([readAll('session'), readAll('local')]);
      const byId = new Map<string, Run>();
      for (const run of Object.values(local).filter(isRun)) byId.set(run.id, run);
      for (const run of Object.values(session).filter(isRun)) byId.set(run.id, run); // the full copy wins
      if (current)
        setRuns([...byId.values()].sort((a, b) => b.createdAt - a.createdAt).slice(0, HISTORY_LIMIT));
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
  return runs;
}
