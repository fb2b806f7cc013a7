import type { HttpDeps } from '../core/protocol/http.ts';
import { webRandom, type RandomBytes } from '../core/protocol/random.ts';
import { originPatterns } from '../core/view/origins.ts';
import { browserPlatform, type WorkerPlatform } from './worker-platform.ts';

export interface WorkerDeps {
  http: HttpDeps;
  now: () => number;
  random: RandomBytes;
  /** The browser, as flows and performers reach it (an in-memory fake in unit tests). */
  platform: WorkerPlatform;
}

/** A token endpoint that has not answered in 30 s is not going to. */
export const REQUEST_TIMEOUT_MS = 30_000;
/** Discovery is optional (BTG Id documents none), so a silent provider should not hold the popup long. */
export const DISCOVERY_TIMEOUT_MS = 10_000;

/**
 * Whether the person granted host access to `url`'s origin, asked at the moment of the request: the
 * transport's guard of every credential the worker sends (`transport.ts`).
 */
export const granted = async (deps: Pick<WorkerDeps, 'platform'>, url: string): Promise<boolean> => {
  const origins = originPatterns([url]);
  return origins.length > 0 && deps.platform.hasOrigins(origins);
};

export const workerDeps: WorkerDeps = {
  http: {
    fetch: (url, init) => fetch(url, init),
    now: () => Date.now(),
    timeoutMs: REQUEST_TIMEOUT_MS,
  },
  now: () => Date.now(),
  random: webRandom,
  platform: browserPlatform,
};
