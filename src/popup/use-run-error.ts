import type { FlowErrorInfo } from '../core/flow-error.ts';
import { isRun, runKey } from '../core/run.ts';
import { useStoredValue } from '../ui/use-stored-value.ts';

/** The error that stopped run `runId`, as it happens: the popup shows it too while it is open. */
export function useRunError(runId: string | undefined): FlowErrorInfo | undefined {
  const stored = useStoredValue('session', runId && runKey(runId));
  return stored.loaded && isRun(stored.value) ? stored.value.error : undefined;
}
