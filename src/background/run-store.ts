import { invalid } from '../core/flow-error.ts';
import { redactRun } from '../core/redact.ts';
import { finishRun, interruptRun, type Run } from '../core/run.ts';
import {
  allRunRecords,
  finishedRuns,
  HISTORY_LIMIT,
  historyKey,
  historyKeys,
  isRun,
  pickRun,
  runKey,
} from '../core/view/stored-records.ts';
import { readAll, readKey } from '../platform/storage-read.ts';
import { removeKeys, writeKeys } from '../platform/storage-write.ts';

/** Runs started by this worker instance; any other run still `running` lost its worker. */
const owned = new Set<string>();

export function own(runId: string): void {
  owned.add(runId);
}

/**
 * The full run (with its secrets) goes to storage.session only. Once it ends, a redacted copy goes
 * to storage.local, so history survives a browser restart without a secret on disk.
 */
export async function saveRun(run: Run): Promise<void> {
  await writeKeys('session', { [runKey(run.id)]: run });
  if (run.status === 'running') return;
  owned.delete(run.id);
  try {
    await writeKeys('local', { [historyKey(run.id)]: redactRun(run) });
    await pruneHistory();
  } catch {
    // History is a convenience: a full disk must not cost the user the run they are looking at.
  }
}

/**
 * The safety net under the flow: an unexpected error ends the run as failed, saying so, instead of
 * leaving it "in progress" forever. Bodies are dropped if the run is too large to save whole.
 */
export async function failUnexpectedly(runId: string, error: unknown, now: number): Promise<void> {
  const run = await loadRun(runId);
  if (!run || run.status !== 'running') return;
  const info = {
    code: 'internal' as const,
    message: `Something went wrong inside the extension: ${(error as Error)?.message ?? String(error)}`,
  };
  const failed = finishRun(run, now, info);
  try {
    await saveRun(failed);
  } catch {
    await saveRun({
      ...failed,
      steps: failed.steps.map((s) => ({
        ...s,
        ...('exchange' in s ? { exchange: undefined } : {}),
      })),
    });
  }
}

/** Keeps the newest HISTORY_LIMIT runs in both areas. */
async function pruneHistory(): Promise<void> {
  const [session, local] = await Promise.all([readAll('session'), readAll('local')]);
  const runs = allRunRecords(session, local);
  const keep = new Set(
    [...new Map(runs.map((r) => [r.id, r.createdAt]))]
      .sort(([, a], [, b]) => b - a)
      .slice(0, HISTORY_LIMIT)
      .map(([id]) => id),
  );
  const stale = runs.filter((r) => !keep.has(r.id) && r.status !== 'running').map((r) => r.id);
  await Promise.all([removeKeys('session', stale.map(runKey)), removeKeys('local', stale.map(historyKey))]);
}

/** The full run while the browser session lasts, else its redacted copy. */
export async function loadRun(runId: string): Promise<Run | undefined> {
  const [full, copy] = await Promise.all([
    readKey('session', runKey(runId)),
    readKey('local', historyKey(runId)),
  ]);
  const stored = pickRun(full, copy);
  return isRun(stored) ? stored : undefined;
}

export const missingRun = (runId: string) => invalid(`Run ${runId} is no longer stored.`);

export async function deleteRun(runId: string): Promise<void> {
  await Promise.all([removeKeys('session', [runKey(runId)]), removeKeys('local', [historyKey(runId)])]);
}

/** Every finished run, both copies; a run in flight stays. */
export async function clearHistory(): Promise<void> {
  const [session, local] = await Promise.all([readAll('session'), readAll('local')]);
  const keys = historyKeys(session, local);
  await Promise.all([removeKeys('session', keys.session), removeKeys('local', keys.local)]);
}

/** Replaces every finished run's full copy by its redacted one: its tokens and code are gone. */
export async function forgetRunSecrets(): Promise<void> {
  const finished = finishedRuns(await readAll('session'));
  if (finished.length)
    await writeKeys('session', Object.fromEntries(finished.map((r) => [runKey(r.id), redactRun(r)])));
}

export async function interruptOrphanedRuns(now: number): Promise<void> {
  const orphans = allRunRecords(await readAll('session'), {}).filter(
    (run) => run.status === 'running' && !owned.has(run.id),
  );
  await Promise.all(orphans.map((run) => saveRun(interruptRun(run, now))));
}
