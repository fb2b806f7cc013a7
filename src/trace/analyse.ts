import type { TraceUpdate } from './analysis/worker.ts';

/**
 * Reads a HAR in the analysis worker; nothing is stored, closing the page forgets it. A file is handed
 * over as it is (a Blob is not copied), so even its reading happens off the page's thread. `on` hears
 * the trace first, then the shareable copies; the answer to stop is the worker's end.
 */
export function analyse(har: string | Blob, on: (update: TraceUpdate) => void): () => void {
  const worker = new Worker(new URL('./analysis/worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (e: MessageEvent<TraceUpdate>) => {
    on(e.data);
    if (e.data.kind !== 'trace') worker.terminate();
  };
  worker.onerror = (e) => {
    on({
      kind: 'error',
      message: `The HAR could not be read: ${e.message}`,
      say: { id: 'harUnreadable', subs: [e.message] },
    });
    worker.terminate();
  };
  worker.postMessage({ har });
  return () => worker.terminate();
}
