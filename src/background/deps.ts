import type { HttpDeps } from '../core/http.ts';
import { webRandom, type RandomBytes } from '../core/random.ts';

export interface WorkerDeps {
  http: HttpDeps;
  now: () => number;
  random: RandomBytes;
}

/** RFC-free but user-facing: a token endpoint that has not answered in 30 s is not going to. */
export const REQUEST_TIMEOUT_MS = 30_000;

export const workerDeps: WorkerDeps = {
  http: { fetch: (url, init) => fetch(url, init), now: () => Date.now(), timeoutMs: REQUEST_TIMEOUT_MS },
  now: () => Date.now(),
  random: webRandom,
};
