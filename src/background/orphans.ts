import { flowOf } from '../core/view/flows.ts';
import type { WorkerDeps } from './deps.ts';
import { FLOWS, type FlowDef } from './flows/index.ts';
import { runWriter } from './flows/runner.ts';
import { failUnexpectedly, isOwned, own, saveRun } from './run-store.ts';
import { interruptRun, type Run } from '../core/run/run.ts';
import { allRunRecords } from '../core/view/stored-records.ts';
import type { WorkerPlatform } from './worker-platform.ts';
import type { Flow } from '../core/profile/profile.ts';

/** Running runs in storage.session that no flow of this worker instance is writing: their worker stopped. */
async function orphanedRuns(platform: WorkerPlatform): Promise<Run[]> {
  return allRunRecords(await platform.storage.readAll('session'), {}).filter(
    (run) => run.status === 'running' && !isOwned(run.id),
  );
}

/** Ends an orphaned run as interrupted, closing the login window its worker left open. */
async function endInterrupted(platform: WorkerPlatform, run: Run, now: number): Promise<void> {
  if (run.loginWindow) await platform.tabs.closeWindow(run.loginWindow.windowId);
  await saveRun(platform, interruptRun(run, now));
}

/** Each orphan being settled: a second call while one is under way joins it (single flight per run). */
const settling = new Map<string, Promise<void>>();

/**
 * Runs a stopped worker left running (on worker start, and on the inspector's check): resumed by their
 * flow where it defines `resume`, else ended as interrupted, as a login whose answer went to the
 * stopped worker is. Answers once each has been resumed or ended.
 */
export async function settleOrphans(
  deps: WorkerDeps,
  flows: Readonly<Record<Flow, FlowDef>> = FLOWS,
): Promise<void> {
  const orphans = await orphanedRuns(deps.platform);
  await Promise.all(
    orphans.map((run) => {
      const pending = settling.get(run.id);
      if (pending) return pending;
      const resume = flows[flowOf(run.profile)].resume;
      // This worker writes the run from now on: it is no orphan to a later check.
      own(run.id);
      const w = runWriter(run, deps);
      const done = (resume ? resume(w) : endInterrupted(deps.platform, run, deps.now()))
        .catch((e: unknown) => failUnexpectedly(deps.platform, w.run, e, deps.now()))
        .finally(() => settling.delete(run.id));
      settling.set(run.id, done);
      return done;
    }),
  );
}
