import { interruptRun, isRun, runKey, type Run } from '../core/run.ts';
import { readAll, writeKeys } from '../platform/storage.ts';

/** Runs started by this worker instance; any other run still `running` lost its worker. */
const owned = new Set<string>();

export function own(runId: string): void {
  owned.add(runId);
}

/** Runs (with their secrets) live in storage.session only. */
export async function saveRun(run: Run): Promise<void> {
  await writeKeys('session', { [runKey(run.id)]: run });
  if (run.status !== 'running') owned.delete(run.id);
}

export async function interruptOrphanedRuns(now: number): Promise<void> {
  const all = await readAll('session');
  const orphans = Object.values(all).filter(
    (v): v is Run => isRun(v) && v.status === 'running' && !owned.has(v.id),
  );
  await Promise.all(orphans.map((run) => saveRun(interruptRun(run, now))));
}
