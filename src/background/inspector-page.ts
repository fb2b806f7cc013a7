import { extensionUrl } from '../platform/runtime.ts';
import { bringPageToFront, showPageInBackground } from '../platform/tabs.ts';

export const inspectorUrl = (runId: string): string => extensionUrl(`src/inspector/index.html#run=${runId}`);

/** Before the login: the inspector fills in behind the login window, which keeps the focus. */
export const openInspectorBehind = (runId: string): Promise<void> =>
  showPageInBackground(inspectorUrl(runId));

/** Once the login window is done (a callback, or a failure): the answer comes to the person. */
export const bringInspectorToFront = (runId: string): Promise<void> =>
  bringPageToFront(inspectorUrl(runId)).catch(() => undefined);
