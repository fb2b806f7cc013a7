import type { LoginWindowFailure } from '../platform/browser-traits.ts';
import {
  extensionRedirectUrl,
  isOwnRedirect,
  launchLogin,
  loadsLoginUrlTwice,
  loginWindowFailure,
  ownRedirectFor,
  redirectRefused,
} from '../platform/identity.ts';
import { routeToExtension, stopRouting } from '../platform/net-rules.ts';
import { hasOrigins, missingOrigins } from '../platform/permissions.ts';
import { readStoredKey, removeStoredKey, storeKey } from '../platform/key-store.ts';
import { extensionUrl } from '../platform/runtime.ts';
import { readAll, readKey, type Area } from '../platform/storage-read.ts';
import { removeKeys, writeKeys } from '../platform/storage-write.ts';
import {
  bringPageToFront,
  closeWindow,
  findLoginWindow,
  showPageInBackground,
  type LoginWindow,
} from '../platform/tabs.ts';

/**
 * What flows and performers ask of the browser, as one value in the worker's dependencies
 * (design.md: the platform reaches flows through the worker's dependencies, with an in-memory fake,
 * so a flow runs in a unit test). `browserPlatform` is the browser's; `test/support/memory-platform.ts`
 * the fake's.
 */
export interface WorkerPlatform {
  storage: {
    readKey: (area: Area, key: string) => Promise<unknown>;
    readAll: (area: Area) => Promise<Record<string, unknown>>;
    write: (area: Area, values: Record<string, unknown>) => Promise<void>;
    remove: (area: Area, keys: string[]) => Promise<void>;
  };
  tabs: {
    /** An extension page's URL (`src/inspector/index.html#…`). */
    pageUrl: (path: string) => string;
    showInBackground: (url: string) => Promise<void>;
    bringToFront: (url: string, knownTab?: number) => Promise<number | undefined>;
    findLoginWindow: (authorizeUrl: string) => Promise<LoginWindow | undefined>;
    closeWindow: (windowId: number) => Promise<void>;
  };
  identity: {
    redirectUrl: () => string;
    isOwnRedirect: (url: string) => boolean;
    /** Another installation's redirect URL (a shared profile's) as this one's; any other URL as it is. */
    ownRedirectFor: (url: string) => string;
    /** Whether this browser cannot end a login at `redirectUri` (Firefox: only its own). */
    redirectRefused: (redirectUri: string) => boolean;
    /** Opens the login window; resolves with the callback URL, rejects with the browser's message. */
    launchLogin: (url: string) => Promise<string>;
    failure: (message: string) => LoginWindowFailure;
    /** Whether the browser requests the login URL twice, once hidden (Firefox). */
    loadsLoginUrlTwice: boolean;
  };
  routing: {
    /** Routes an app's redirect URI matching `filter` to the extension's; answers the rule's id. */
    route: (filter: string, extensionRedirect: string) => Promise<number>;
    stop: (ruleId: number) => Promise<void>;
  };
  /** The key store of generated private keys (IndexedDB in the browser), by handle. */
  keys: {
    read: (ref: string) => Promise<unknown>;
    write: (ref: string, record: unknown) => Promise<void>;
    remove: (ref: string) => Promise<void>;
  };
  /** Whether the person granted host access to every one of `origins` (match patterns), asked now. */
  hasOrigins: (origins: string[]) => Promise<boolean>;
  /** Those of `origins` not granted yet. */
  missingOrigins: (origins: string[]) => Promise<string[]>;
}

export const browserPlatform: WorkerPlatform = {
  storage: { readKey, readAll, write: writeKeys, remove: removeKeys },
  tabs: {
    pageUrl: extensionUrl,
    showInBackground: showPageInBackground,
    bringToFront: bringPageToFront,
    findLoginWindow: (url) => findLoginWindow(url),
    closeWindow,
  },
  identity: {
    redirectUrl: extensionRedirectUrl,
    isOwnRedirect,
    ownRedirectFor,
    redirectRefused,
    launchLogin,
    failure: loginWindowFailure,
    loadsLoginUrlTwice,
  },
  routing: { route: routeToExtension, stop: stopRouting },
  keys: { read: readStoredKey, write: storeKey, remove: removeStoredKey },
  hasOrigins,
  missingOrigins,
};
