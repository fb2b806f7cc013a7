import type { CleanOptions } from './analysis/clean-har.ts';
import type { SignatureAnswer, TraceRequest, TraceUpdate } from './analysis/worker.ts';

const start = () => new Worker(new URL('./analysis/worker.ts', import.meta.url), { type: 'module' });
/** A worker started while the person picks a file: its start-up is off the path to the first login. */
let spare: Worker | undefined;
export const warmUp = (): void => {
  spare ??= start();
};

/**
 * Reads a HAR in the analysis worker; nothing is stored, closing the page forgets it. A file is handed
 * over as it is (a Blob is not copied), so even its reading happens off the page's thread. `on` hears
 * the trace first, then the shareable copies; the answer to stop is the worker's end.
 */
export function analyse(
  har: string | Blob,
  on: (update: TraceUpdate) => void,
  options: CleanOptions = { keepOtherBodies: false },
): () => void {
  const worker = spare ?? start();
  spare = undefined;
  worker.onmessage = (e: MessageEvent<TraceUpdate>) => {
    on(e.data);
    if (e.data.kind !== 'trace') {
      worker.terminate();
      warmUp();
    }
  };
  worker.onerror = (e) => {
    on({
      kind: 'error',
      say: { id: 'harUnreadable', subs: [e.message] },
    });
    worker.terminate();
    warmUp();
  };
  worker.postMessage({ har, options } satisfies TraceRequest);
  return () => worker.terminate();
}

/**
 * An attempt's ID token checked against its provider's keys, fetched now by a worker of its own (the
 * page has asked for access to the provider first).
 */
export function fetchedSignature(
  idToken: string,
  issuer: string,
  confirmed: string[],
): Promise<SignatureAnswer> {
  const worker = start();
  return new Promise((resolve) => {
    worker.onmessage = (e: MessageEvent<SignatureAnswer>) => {
      worker.terminate();
      resolve(e.data);
    };
    worker.postMessage({ idToken, issuer, confirmed } satisfies TraceRequest);
  });
}

/**
 * The DevTools panel's log, analysed live by one worker that keeps it: each call of the answer hands
 * over the entries finished since the last (the whole log is never serialised again). `on` hears a
 * trace, then its shareable copies, again and again while requests keep coming.
 */
export function analyseLive(on: (update: TraceUpdate) => void): {
  append: (entries: unknown[]) => void;
  stop: () => void;
} {
  const worker = start();
  worker.onmessage = (e: MessageEvent<TraceUpdate>) => on(e.data);
  worker.onerror = (e) =>
    on({
      kind: 'error',
      say: { id: 'harUnreadable', subs: [e.message] },
    });
  return {
    append: (append) => worker.postMessage({ append } satisfies TraceRequest),
    stop: () => worker.terminate(),
  };
}
