import { FlowFailure, invalid, type FlowErrorInfo, messageOf } from '../core/flow-error.ts';
import type { Exchange } from '../core/protocol/http.ts';
import { redactRun } from '../core/report/redact.ts';
import { finishRun, type Run } from '../core/run/run.ts';
import {
  allRunRecords,
  finishedRuns,
  HISTORY_LIMIT,
  historyKey,
  historyKeys,
  readRun,
  pickRun,
  runKey,
} from '../core/view/stored-records.ts';
import { isQuotaError, writeHistoryCopy } from './history-write.ts';
import { mark } from './marks.ts';
import { pushRun } from './run-push.ts';
import type { WorkerPlatform } from './worker-platform.ts';
import { say } from '../core/i18n/say.ts';

/** Runs started by this worker instance; any other run still `running` lost its worker. */
const owned = new Set<string>();

export function own(runId: string): void {
  owned.add(runId);
}

/** Whether a flow of this worker instance is writing the run. */
export const isOwned = (runId: string): boolean => owned.has(runId);

/**
 * storage.session holds 10 MB in all (`QUOTA_BYTES`); full copies of ended runs may use this much
 * of it, measured as JSON text, so the run in flight always has room. The oldest go first; their
 * redacted copies on disk stay, so history keeps them.
 */
export const FULL_COPIES_BUDGET = 6_000_000;

const sizeOf = (value: unknown) => JSON.stringify(value)?.length ?? 0;

const bodiless = (ex: Exchange): Exchange =>
  ex.response ? { ...ex, response: { ...ex.response, body: '', bodyTruncated: true } } : ex;

/** The run without its responses' bodies: what is kept when even that one run does not fit. */
const withoutBodies = (run: Run): Run => ({
  ...run,
  steps: run.steps.map((s) => ({ ...s, exchanges: s.exchanges.map(bodiless) })),
});

/** Drops the oldest full copies of ended runs (never `keepId`) until those left fit in `budget`. */
async function evictFullCopies(
  platform: WorkerPlatform,
  keepId: string,
  budget: number,
  session?: Record<string, unknown>,
): Promise<void> {
  const ended = finishedRuns(session ?? (await platform.storage.readAll('session')))
    .filter((r) => r.id !== keepId)
    .sort((a, b) => b.createdAt - a.createdAt);
  let used = 0;
  const evicted = ended.filter((r) => (used += sizeOf(r)) > budget).map((r) => runKey(r.id));
  await platform.storage.remove('session', evicted);
}

/**
 * Writes the full run to storage.session. A full storage area never stops a run: older full
 * copies make room, and if the run still does not fit it is kept without its bodies, saying so.
 */
async function writeFullCopy(platform: WorkerPlatform, run: Run): Promise<void> {
  const write = async (record: Run) => {
    try {
      await platform.storage.write('session', { [runKey(run.id)]: record });
      return true;
    } catch (e) {
      if (isQuotaError(e)) return false;
      throw e;
    }
  };
  if (await write(run)) return;
  for (const budget of [FULL_COPIES_BUDGET - sizeOf(run), 0]) {
    await evictFullCopies(platform, run.id, budget);
    if (await write(run)) return;
  }
  const kept = { ...withoutBodies(run), keptWithoutBodies: true };
  pushRun(kept);
  await platform.storage.write('session', { [runKey(run.id)]: kept });
}

/** Each run's writes, one after another: a retried write must never land after a newer one. */
const writing = new Map<string, Promise<void>>();
/** Each run's redacted disk copies, likewise in order, on a chain of their own. */
const writingHistory = new Map<string, Promise<string | undefined>>();

/**
 * Runs `write` after the run's previous one in `chains` (at once when none is pending: the call is
 * issued before this returns), forgetting the chain once it is idle.
 */
function chained<T>(chains: Map<string, Promise<T>>, id: string, write: () => Promise<T>): Promise<T> {
  const pending = chains.get(id);
  const next = pending ? pending.catch(() => undefined).then(write) : write();
  chains.set(id, next);
  const forget = () => {
    if (chains.get(id) === next) chains.delete(id);
  };
  next.then(forget, forget);
  return next;
}

/**
 * The full run (with its secrets) goes to storage.session only. Once it ends, a redacted copy goes
 * to storage.local, so history survives a browser restart without a secret on disk. Writes of one
 * run are applied in the order they were asked for. An inspector showing the run hears it on the push
 * channel first, without waiting for storage.
 */
export function saveRun(platform: WorkerPlatform, run: Run): Promise<void> {
  pushRun(run);
  if (run.status === 'running') return chained(writing, run.id, () => persist(platform, run, undefined));
  mark('pushed');
  // The write of its redacted copy to disk is issued in this same task, before any page can have shown
  // the pushed run (the browser then completes it on its own: one closed the moment "Tokens received"
  // shows still finds the run in its history). A later save of an ended run (an action's) may wait for
  // its previous disk write instead; the run's end never does, being its first. Issued before the push,
  // the copy's change event reached the inspector ahead of it (~8 ms of the verdict's).
  const written = writeHistory(platform, run);
  return chained(writing, run.id, () => persist(platform, run, written));
}

/**
 * The redacted copy on disk, issued now unless an older one of the same run is still being written;
 * undefined once it has landed, else why it could not.
 */
function writeHistory(platform: WorkerPlatform, run: Run): Promise<string | undefined> {
  return chained(writingHistory, run.id, () =>
    writeHistoryCopy(platform, run).catch((e: Error) => e.message),
  );
}

async function persist(
  platform: WorkerPlatform,
  run: Run,
  disk: Promise<string | undefined> | undefined,
): Promise<void> {
  if (!disk) return writeFullCopy(platform, run);
  await writeFullCopy(platform, run);
  mark('saved');
  owned.delete(run.id);
  const notInHistory = await disk;
  // A full disk must not cost the user the run they are looking at, and is never silent: the run says
  // so (in its session copy, which the inspector hears).
  if (notInHistory !== undefined) {
    const told = { ...run, notInHistory };
    pushRun(told);
    return writeFullCopy(platform, told);
  }
  // History is pruned a moment later, off the run's chain of writes: pruning reads every stored run,
  // which would compete with the inspector drawing the verdict and hold up the run's next save.
  setTimeout(() => void pruneHistory(platform, run.id).catch(() => undefined), PRUNE_AFTER_MS);
}

/** How long after a run has ended its history is pruned. */
const PRUNE_AFTER_MS = 1_000;

/**
 * The safety net under the flow: an unexpected error ends the run as failed, saying so, instead of
 * leaving it "in progress" forever, with everything the flow had captured (`latest`, its own copy).
 * Bodies are dropped if the run is too large to save whole.
 */
/** What the person reads of an error nobody expected: the engine's words, kept as they came. */
export const internalError = (error: unknown): FlowErrorInfo =>
  error instanceof FlowFailure ? error.info : { code: 'internal', ...say('internalError', messageOf(error)) };

export async function failUnexpectedly(
  platform: WorkerPlatform,
  latest: Run,
  error: unknown,
  now: number,
): Promise<void> {
  // The flow's own copy holds everything captured so far, saved or not yet; one stored as ended stays so.
  const stored = await loadRun(platform, latest.id);
  if ((stored && stored.status !== 'running') || latest.status !== 'running') return;
  const failed = finishRun(latest, now, internalError(error));
  try {
    await saveRun(platform, failed);
  } catch {
    await saveRun(platform, withoutBodies(failed));
  }
}

/** Keeps the newest HISTORY_LIMIT runs in both areas, and the full copies within their budget. */
async function pruneHistory(platform: WorkerPlatform, keepId: string): Promise<void> {
  const [session, local] = await Promise.all([
    platform.storage.readAll('session'),
    platform.storage.readAll('local'),
  ]);
  const runs = allRunRecords(session, local);
  const keep = new Set(
    [...new Map(runs.map((r) => [r.id, r.createdAt]))]
      .sort(([, a], [, b]) => b - a)
      .slice(0, HISTORY_LIMIT)
      .map(([id]) => id),
  );
  const stale = runs.filter((r) => !keep.has(r.id) && r.status !== 'running').map((r) => r.id);
  await Promise.all([
    platform.storage.remove('session', stale.map(runKey)),
    platform.storage.remove('local', stale.map(historyKey)),
  ]);
  // The session area as just read, less what was pruned: no second read of every run.
  for (const id of stale) delete session[runKey(id)];
  await evictFullCopies(platform, keepId, FULL_COPIES_BUDGET, session);
}

/** The full run while the browser session lasts, else its redacted copy. */
export async function loadRun(platform: WorkerPlatform, runId: string): Promise<Run | undefined> {
  const [full, copy] = await Promise.all([
    platform.storage.readKey('session', runKey(runId)),
    platform.storage.readKey('local', historyKey(runId)),
  ]);
  const stored = pickRun(full, copy);
  return readRun(stored);
}

export const missingRun = (runId: string) => invalid(say('runGone', runId));

export async function deleteRun(platform: WorkerPlatform, runId: string): Promise<void> {
  await Promise.all([
    platform.storage.remove('session', [runKey(runId)]),
    platform.storage.remove('local', [historyKey(runId)]),
  ]);
}

/** Every finished run, both copies; a run in flight stays. */
export async function clearHistory(platform: WorkerPlatform): Promise<void> {
  const [session, local] = await Promise.all([
    platform.storage.readAll('session'),
    platform.storage.readAll('local'),
  ]);
  const keys = historyKeys(session, local);
  await Promise.all([
    platform.storage.remove('session', keys.session),
    platform.storage.remove('local', keys.local),
  ]);
}

/** Replaces every finished run's full copy by its redacted one: its tokens and code are gone. */
export async function forgetRunSecrets(platform: WorkerPlatform): Promise<void> {
  const redacted = finishedRuns(await platform.storage.readAll('session')).map(redactRun);
  // An inspector showing one of them hears it at once, as with every other write of a run.
  for (const run of redacted) pushRun(run);
  if (redacted.length)
    await platform.storage.write('session', Object.fromEntries(redacted.map((r) => [runKey(r.id), r])));
}
