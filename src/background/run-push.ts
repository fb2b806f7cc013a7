import type { Run } from '../core/run/run.ts';
import { runChannel } from '../core/view/stored-records.ts';
import type { PageChannel } from '../platform/runtime.ts';

/**
 * The push channel (design.md): an inspector showing a run hears each save of it as it happens,
 * before storage has written it. Storage stays the record; a page opened later reads it there.
 */
const listening = new Map<string, Set<PageChannel>>();

export function listen(channel: PageChannel): void {
  const runId = runChannel.idOf(channel.name);
  if (runId === undefined) return;
  const set = listening.get(runId) ?? new Set();
  set.add(channel);
  listening.set(runId, set);
  channel.onEnd(() => {
    set.delete(channel);
    if (set.size === 0) listening.delete(runId);
  });
}

export function pushRun(run: Run): void {
  for (const channel of listening.get(run.id) ?? []) channel.push(run);
}
