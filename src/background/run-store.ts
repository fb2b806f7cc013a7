import { redactRun } from '../core/redact.ts';
import { finishRun, HISTORY_LIMIT, historyKey, interruptRun, isRun, runKey, type Run } from '../core/run.ts';
import { readAll, readKey, removeKeys, writeKeys } from '../platform/storage.ts';

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
  const runs = [...Object.values(session), ...Object.values(local)].filter(isRun);
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
  const full = await readKey('session', runKey(runId));
  if (isRun(full)) return full;
  const copy = await readKey('local', historyKey(runId));
  return isRun(copy) ? copy : undefined;
}

export async function deleteRun(runId: string): Promise<void> {
  await Promise.all([removeKeys('session', [runKey(runId)]), removeKeys('local', [historyKey(runId)])]);
}

/** Every finished run, both copies; a run in flight stays. */
export async function clearHistory(): Promise<void> {
  const [session, local] = await Promise.all([readAll('session'), readAll('local')]);
  const done = (v: unknown) => isRun(v) && v.status !== 'running';
  await Promise.all([
    removeKeys(
      'session',
      Object.keys(session).filter((k) => k.startsWith('run:') && done(session[k])),
    ),
    removeKeys(
      'local',
      Object.keys(local).filter((k) => k.startsWith('history:')),
    ),
  ]);
}

/** Replaces every finished run's full copy by its redacted one: its tokens and code are gone. */
export async function forgetRunSecrets(): Promise<void> {
  const session = await readAll('session');
  const finished = Object.values(session).filter((v): v is Run => isRun(v) && v.status !== 'running');
  if (finished.length)
    await writeKeys('session', Object.fromEntries(finished.map((r) => [runKey(r.id), redactRun(r)])));
}

export async function interruptOrphanedRuns(now: number): Promise<void> {
  const all = await readAll('session');
  const orphans = Object.values(all).filter(
    (v): v is Run => isRun(v) && v.status === 'running' && !owned.has(v.id),
  );
  await Promise.all(orphans.map((run) => saveRun(interruptRun(run, now))));
}
