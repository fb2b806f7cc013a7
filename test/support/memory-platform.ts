import type { WorkerPlatform } from '../../src/background/worker-platform.ts';
import type { WorkerDeps } from '../../src/background/deps.ts';

export interface MemoryPlatform extends WorkerPlatform {
  /** What each storage area holds, as the browser would keep it (values copied as JSON on the way in). */
  areas: { session: Map<string, unknown>; local: Map<string, unknown> };
  /** The extension pages opened or brought to the front, in order. */
  pages: string[];
  /** Routing rules still in place. */
  rules: Set<number>;
  /** Login windows closed. */
  closed: number[];
  /** The key store: records kept as they are (a CryptoKey is not JSON). */
  keyRecords: Map<string, unknown>;
}

export interface MemoryOptions {
  /** Whether host access to these origins was granted (default: all). */
  granted?: (origins: string[]) => boolean;
  /** The login window: resolves with the callback URL, or rejects with the browser's words (default: closed). */
  login?: (url: string) => Promise<string>;
  /** Firefox's trait: the login URL requested twice (default: once, as Chromium). */
  loadsLoginUrlTwice?: boolean;
}

const REDIRECT = 'https://memory-extension.chromiumapp.org/';

/** The worker's platform in memory: storage, tabs, the login window and routing, for flows in unit tests. */
export function memoryPlatform(options: MemoryOptions = {}): MemoryPlatform {
  const areas = { session: new Map<string, unknown>(), local: new Map<string, unknown>() };
  const pages: string[] = [];
  const rules = new Set<number>();
  const closed: number[] = [];
  const keyRecords = new Map<string, unknown>();
  let nextRule = 1;
  const copy = (v: unknown): unknown => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));
  return {
    areas,
    pages,
    rules,
    closed,
    keyRecords,
    keys: {
      read: (ref) => Promise.resolve(keyRecords.get(ref)),
      write: (ref, record) => {
        keyRecords.set(ref, record);
        return Promise.resolve();
      },
      remove: (ref) => {
        keyRecords.delete(ref);
        return Promise.resolve();
      },
    },
    storage: {
      readKey: (area, key) => Promise.resolve(copy(areas[area].get(key))),
      readAll: (area) => Promise.resolve(Object.fromEntries([...areas[area]].map(([k, v]) => [k, copy(v)]))),
      write: (area, values) => {
        for (const [k, v] of Object.entries(values)) areas[area].set(k, copy(v));
        return Promise.resolve();
      },
      remove: (area, keys) => {
        for (const k of keys) areas[area].delete(k);
        return Promise.resolve();
      },
    },
    tabs: {
      pageUrl: (path) => `chrome-extension://memory/${path}`,
      showInBackground: (url) => {
        pages.push(url);
        return Promise.resolve();
      },
      bringToFront: (url) => {
        pages.push(url);
        return Promise.resolve(1);
      },
      findLoginWindow: () => Promise.resolve(undefined),
      closeWindow: (id) => {
        closed.push(id);
        return Promise.resolve();
      },
    },
    identity: {
      redirectUrl: () => REDIRECT,
      isOwnRedirect: (url) => url.startsWith(REDIRECT),
      ownRedirectFor: (url) => (/^https:\/\/[a-z]+\.chromiumapp\.org\/$/.test(url) ? REDIRECT : url),
      redirectRefused: () => false,
      launchLogin: options.login ?? (() => Promise.reject(new Error('The user did not approve access.'))),
      failure: (message) => ({ kind: /did not approve/.test(message) ? 'closed' : 'other', message }),
      loadsLoginUrlTwice: options.loadsLoginUrlTwice ?? false,
    },
    routing: {
      route: () => {
        const id = nextRule++;
        rules.add(id);
        return Promise.resolve(id);
      },
      stop: (id) => {
        rules.delete(id);
        return Promise.resolve();
      },
    },
    hasOrigins: (origins) => Promise.resolve(options.granted ? options.granted(origins) : true),
    missingOrigins: (origins) => {
      const { granted } = options;
      return Promise.resolve(granted ? origins.filter((o) => !granted([o])) : []);
    },
  };
}

/** The worker's dependencies on loopback: real fetch, a clock, a fixed random source and `platform`. */
export const memoryDeps = (platform: WorkerPlatform, now: () => number = Date.now): WorkerDeps => ({
  http: { fetch: (url, init) => fetch(url, init), now, timeoutMs: 5_000 },
  now,
  random: (n) => crypto.getRandomValues(new Uint8Array(n)),
  platform,
});
