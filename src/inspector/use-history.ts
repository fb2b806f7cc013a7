import { useEffect, useState } from 'preact/hooks';
import { isRunRecordKey, listRuns, type RunList } from '../core/view/stored-records.ts';
import { readAll, watchKeys } from '../platform/storage-read.ts';

/**
 * Every stored run, newest first: the full copies of this browser session, and the redacted copies
 * on disk for the runs before it (records of another schema version are counted, not shown). Live,
 * as runs start, finish or are deleted.
 */
export function useHistory(): RunList {
  const [history, setHistory] = useState<RunList>({ runs: [], unreadable: 0 });
  useEffect(() => {
    let current = true;
    const load = async () => {
      const [session, local] = await Promise.all([readAll('session'), readAll('local')]);
      if (current) setHistory(listRuns(session, local));
    };
    void load();
    const stops = (['session', 'local'] as const).map((area) =>
      watchKeys(
        area,
        (key) => isRunRecordKey(area, key),
        () => void load(),
      ),
    );
    return () => {
      current = false;
      stops.forEach((stop) => stop());
    };
  }, []);
  return history;
}
