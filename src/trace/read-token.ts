import type { ReadAnswer, ReadRequest } from './analysis/token-answers.ts';

/** The page's one worker for reading and verifying: each request answered by its id. */
let worker: Worker | undefined;
let next = 1;
const waiting = new Map<number, (a: ReadAnswer) => void>();

/** A request as the page writes it: the id is this module's. */
type Unnumbered = ReadRequest extends infer T ? (T extends unknown ? Omit<T, 'id'> : never) : never;

/** Asks the worker; the answer is the one with this request's id. */
export function ask(request: Unnumbered): Promise<ReadAnswer> {
  if (!worker) {
    // The trace page's analysis worker answers these too: one bundle, one copy of jose.
    worker = new Worker(new URL('./analysis/worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<ReadAnswer>) => {
      waiting.get(e.data.id)?.(e.data);
      waiting.delete(e.data.id);
    };
  }
  const id = next++;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    worker!.postMessage({ ...request, id } satisfies ReadRequest);
  });
}
