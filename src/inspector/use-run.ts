import { useEffect, useState } from 'preact/hooks';
import type { Run } from '../core/run.ts';
import { historyKey, isRun, pickRun, runKey } from '../core/view/stored-records.ts';
import { useStoredValue } from '../ui/use-stored-value.ts';

export const runIdFromHash = (hash: string): string | undefined =>
  new URLSearchParams(hash.replace(/^#/, '')).get('run') ?? undefined;

export type RunView =
  { state: 'loading' } | { state: 'missing' } | { state: 'unreadable' } | { state: 'ready'; run: Run };

/** The run named in the URL's `#run=`, live: the worker saves each step and this re-renders. */
export function useRun(): [string | undefined, RunView] {
  const [runId, setRunId] = useState(runIdFromHash(location.hash));
  useEffect(() => {
    const onHash = () => setRunId(runIdFromHash(location.hash));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  const full = useStoredValue('session', runId && runKey(runId));
  // After a browser restart only the redacted copy on disk is left.
  const copy = useStoredValue('local', runId && historyKey(runId));
  if (!full.loaded || !copy.loaded) return [runId, { state: 'loading' }];
  const value = pickRun(full.value, copy.value);
  if (value === undefined) return [runId, { state: 'missing' }];
  return [runId, isRun(value) ? { state: 'ready', run: value } : { state: 'unreadable' }];
}
