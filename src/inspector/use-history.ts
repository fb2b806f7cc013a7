import { useEffect, useState } from 'preact/hooks';
import {
  isRunRecordKey,
  listRuns,
  type AreaName,
  type AreaRecords,
  type RunList,
} from '../core/view/stored-records.ts';
import { readAll, watchKeys } from '../platform/storage-read.ts';

const runRecords = (area: AreaName, all: AreaRecords): AreaRecords =>
  Object.fromEntries(Object.entries(all).filter(([key]) => isRunRecordKey(area, key)));

/**
 * Every stored run, newest first: the full copies of this browser session, and the redacted copies
 * on disk for the runs before it (records of another schema version are counted, not shown). Read
 * once, then kept live from the changes themselves, so a run's progress costs no re-read of storage.
 */
export function useHistory(): RunList {
  const [history, setHistory] = useState<RunList>({ runs: [], unreadable: 0 });
  useEffect(() => {
    let current = true;
    const records: Record<AreaName, AreaRecords> = { session: {}, local: {} };
    const show = () => current && setHistory(listRuns(records.session, records.local));
    const pending: [AreaName, Record<string, unknown>][] = [];
    const apply = (area: AreaName, changed: Record<string, unknown>) => {
      for (const [key, value] of Object.entries(changed)) {
        if (value === undefined) delete records[area][key];
        else records[area][key] = value;
      }
    };
    let loaded = false;
    const stops = (['session', 'local'] as const).map((area) =>
      watchKeys(
        area,
        (key) => isRunRecordKey(area, key),
        (changed) => {
          if (!loaded) return void pending.push([area, changed]);
          apply(area, changed);
          show();
        },
      ),
    );
    void Promise.all([readAll('session'), readAll('local')]).then(([session, local]) => {
      records.session = runRecords('session', session);
      records.local = runRecords('local', local);
      // Changes that landed while storage was being read are newer than what was read.
      for (const [area, changed] of pending) apply(area, changed);
      loaded = true;
      show();
    });
    return () => {
      current = false;
      stops.forEach((stop) => stop());
    };
  }, []);
  return history;
}
