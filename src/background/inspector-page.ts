import type { WorkerPlatform } from './worker-platform.ts';

export const inspectorUrl = (platform: WorkerPlatform, runId: string): string =>
  platform.tabs.pageUrl(`src/inspector/index.html#run=${runId}`);

/** Before the login: the inspector fills in behind the login window, which keeps the focus. */
export const openInspectorBehind = (platform: WorkerPlatform, runId: string): Promise<void> =>
  platform.tabs.showInBackground(inspectorUrl(platform, runId));

/** Each run's last bring-to-front, so a second waits for the tab the first may be opening. */
const bringing = new Map<string, Promise<number | undefined>>();

/**
 * Once the login window is done (a callback, or a failure): the answer comes to the person, in the
 * inspector's tab, opened again if it was closed during the login.
 */
export function bringInspectorToFront(platform: WorkerPlatform, runId: string): Promise<void> {
  const previous = bringing.get(runId) ?? Promise.resolve(undefined);
  const next = previous
    .then((tab) => platform.tabs.bringToFront(inspectorUrl(platform, runId), tab))
    .catch(() => undefined);
  bringing.set(runId, next);
  return next.then(() => undefined);
}
