import { useEffect, useState } from 'preact/hooks';
import { isRun, runKey, type Run } from '../core/run.ts';
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
  const stored = useStoredValue('session', runId && runKey(runId));
  if (!stored.loaded) return [runId, { state: 'loading' }];
  if (stored.value === undefined) return [runId, { state: 'missing' }];
  return [runId, isRun(stored.value) ? { state: 'ready', run: stored.value } : { state: 'unreadable' }];
}
