import { messageOf } from '../core/flow-error.ts';
import { redactRun } from '../core/report/redact.ts';
import { cappedForDisk } from '../core/report/withheld.ts';
import type { Run } from '../core/run/run.ts';
import { allRunRecords, historyKey } from '../core/view/stored-records.ts';
import type { WorkerPlatform } from './worker-platform.ts';

export const isQuotaError = (e: unknown): boolean => /quota/i.test(messageOf(e));

/** How many of the oldest history copies make room at a time, and how many times the write is tried again. */
const MAKE_ROOM = 10;
const RETRIES = 2;

/** Removes the oldest history copies on disk (never `keepId`'s). */
async function dropOldest(platform: WorkerPlatform, keepId: string): Promise<void> {
  const oldest = allRunRecords({}, await platform.storage.readAll('local'))
    .filter((r) => r.id !== keepId && r.status !== 'running')
    .sort((a, b) => a.createdAt - b.createdAt)
    .slice(0, MAKE_ROOM);
  await platform.storage.remove(
    'local',
    oldest.map((r) => historyKey(r.id)),
  );
}

/**
 * The run's redacted copy on disk, bodies capped. A full disk first costs the oldest history copies
 * (then the write is tried again, twice); answers undefined once written, else why it could not be:
 * history never ends silently.
 */
export async function writeHistoryCopy(platform: WorkerPlatform, run: Run): Promise<string | undefined> {
  const record = cappedForDisk(redactRun(run));
  for (let attempt = 0; ; attempt++) {
    try {
      await platform.storage.write('local', { [historyKey(run.id)]: record });
      return undefined;
    } catch (e) {
      const why = messageOf(e);
      if (!isQuotaError(e) || attempt >= RETRIES) return why;
      await dropOldest(platform, run.id);
    }
  }
}
