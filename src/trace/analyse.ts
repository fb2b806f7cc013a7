import type { TraceAnswer } from './analysis/worker.ts';

/** Reads a HAR in the analysis worker; nothing is stored, closing the page forgets it. */
export function analyse(text: string, fileName: string): Promise<TraceAnswer> {
  const worker = new Worker(new URL('./analysis/worker.ts', import.meta.url), { type: 'module' });
  return new Promise((resolve) => {
    worker.onmessage = (e: MessageEvent<TraceAnswer>) => {
      resolve(e.data);
      worker.terminate();
    };
    worker.onerror = (e) => {
      resolve({ ok: false, message: `The HAR could not be read: ${e.message}` });
      worker.terminate();
    };
    worker.postMessage({ text, fileName });
  });
}
