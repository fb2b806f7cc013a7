import type { FlowErrorInfo } from '../../core/flow-error.ts';
import { appendStep, finishRun, settleLastStep, type Run, type Step } from '../../core/run/run.ts';
import type { WorkerDeps } from '../deps.ts';
import { internalError, saveRun } from '../run-store.ts';

/**
 * One run as a flow writes it: steps appended (shown running), settled (the newest replaced by its
 * outcome), saved, and the run finished. Steps only grow, so a failure keeps what came before. One
 * run's saves land in the order they were issued (run-store), so a flow may save without waiting.
 */
export interface RunWriter {
  readonly run: Run;
  readonly deps: WorkerDeps;
  /** Changes the run in memory (secrets found, endpoints discovered); saved with the next save. */
  update(change: (run: Run) => Run): void;
  append(step: Step): void;
  settle(step: Step): void;
  save(): Promise<void>;
  /** Ends the run, failed when `error` is given, and saves it. */
  finish(error?: FlowErrorInfo): Promise<void>;
}

export function runWriter(start: Run, deps: WorkerDeps): RunWriter {
  let run = start;
  return {
    get run() {
      return run;
    },
    deps,
    update: (change) => void (run = change(run)),
    append: (step) => void (run = appendStep(run, step)),
    settle: (step) => void (run = settleLastStep(run, step)),
    save: () => saveRun(deps.platform, run),
    finish: (error) => saveRun(deps.platform, (run = finishRun(run, deps.now(), error))),
  };
}

/**
 * The newest step (running) settled as failed because its work threw, with everything it had
 * captured kept: never left "running" for good. Answers the error it now carries.
 */
export function settleThrown(w: RunWriter, error: unknown): FlowErrorInfo {
  const info = internalError(error);
  const running = w.run.steps.at(-1);
  if (running?.status === 'running')
    w.settle({ ...running, status: 'failed', at: w.deps.now(), error: info });
  return info;
}

/** How long checking the tokens may take before the tokens show by themselves. */
export const SHOW_TOKENS_AFTER_MS = 100;

/**
 * Does `work`; the run as it stands is saved (and shown) meanwhile only if the work is slow. A save
 * the inspector renders while the work finishes would hold up the render of its outcome.
 */
export async function savedIfSlow<T>(w: RunWriter, afterMs: number, work: () => Promise<T>): Promise<T> {
  const slow = setTimeout(() => void w.save(), afterMs);
  try {
    return await work();
  } finally {
    clearTimeout(slow);
  }
}
