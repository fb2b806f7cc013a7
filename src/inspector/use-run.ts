import { useEffect, useState } from 'preact/hooks';
import { isRun, runKey, type Run } from '../core/run.ts';
import { readKey, watchKey } from '../platform/storage.ts';

export const runIdFromHash = (hash: string): string | undefined =>
  new URLSearchParams(hash.replace(/^#/, '')).get('run') ?? undefined;

export type RunView =
  { state: 'loading' } | { state: 'missing' } | { state: 'unreadable' } | { state: 'ready'; run: Run };

const view = (value: unknown): RunView =>
  value === undefined
    ? { state: 'missing' }
    : isRun(value)
      ? { state: 'ready', run: value }
      : { state: 'unreadable' };

/** The run named in the URL's `#run=`, live: the worker saves each step and this re-renders. */
export function useRun(): [string | undefined, RunView] {
  const [runId, setRunId] = useState(runIdFromHash(location.hash));
  const [state, setState] = useState<RunView>({ state: 'loading' });
  useEffect(() => {
    const onHash = () => setRunId(runIdFromHash(location.hash));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    if (!runId) return undefined;
    setState({ state: 'loading' });
    const key = runKey(runId);
    const stop = watchKey('session', key, (value) => setState(view(value)));
    // A change that arrives before the first read wins: it is newer.
    void readKey('session', key).then((value) => setState((s) => (s.state === 'loading' ? view(value) : s)));
    return stop;
  }, [runId]);
  return [runId, state];
}
