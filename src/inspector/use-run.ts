import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Run } from '../core/run/run.ts';
import { historyKey, pickRun, readRun, runChannel, runKey } from '../core/view/stored-records.ts';
import { connectToWorker } from '../platform/runtime.ts';
import { useStoredValue } from '../ui/use-stored-value.ts';

export const runIdFromHash = (hash: string): string | undefined =>
  new URLSearchParams(hash.replace(/^#/, '')).get('run') ?? undefined;

export type RunView =
  { state: 'loading' } | { state: 'missing' } | { state: 'unreadable' } | { state: 'ready'; run: Run };

/**
 * The run as the worker pushes it (each save, before storage has it), while the worker that runs it
 * lives; `undefined` before its first push and once the channel ends (storage then speaks). A change in
 * storage means a worker is alive again: the channel is opened again then.
 */
function usePushedRun(runId: string | undefined, stored: unknown): Run | undefined {
  const [pushed, setPushed] = useState<Run>();
  const channel = useRef<(() => void) | undefined>(undefined);
  useEffect(() => {
    setPushed(undefined);
    return () => {
      channel.current?.();
      channel.current = undefined;
    };
  }, [runId]);
  useEffect(() => {
    if (!runId || channel.current) return;
    channel.current = connectToWorker(
      runChannel.name(runId),
      (message) => {
        const pushed = readRun(message);
        if (pushed?.id === runId) setPushed(pushed);
      },
      () => {
        channel.current = undefined;
        setPushed(undefined);
      },
    );
  }, [runId, stored]);
  return pushed;
}

/** The run named in the URL's `#run=`, live: the worker pushes each save (and storage keeps it). */
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
  const pushed = usePushedRun(runId, full.loaded ? full.value : undefined);
  const value = full.loaded && copy.loaded ? pickRun(full.value, copy.value) : undefined;
  // Read once per stored record: a migrated older run must keep its identity between renders (the
  // page's sections follow the run by identity, and would render again and again).
  const run = useMemo(() => readRun(value), [value]);
  // Pushed saves lead storage's; a full copy gone from storage (forgotten, cleared) ends that lead.
  if (pushed && full.loaded && full.value !== undefined) return [runId, { state: 'ready', run: pushed }];
  if (!full.loaded || !copy.loaded) return [runId, { state: 'loading' }];
  if (value === undefined) return [runId, { state: 'missing' }];
  return [runId, run ? { state: 'ready', run } : { state: 'unreadable' }];
}
