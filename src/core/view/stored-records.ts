import type { ProfileBook, StoredProfile } from '../profile/profile-book.ts';
import type { Run } from '../run/run.ts';
import type { ClientCredential } from '../protocol/client-auth.ts';
import type { PublicJwk } from '../profile/profile.ts';
import { arrayOf, oneOf, picked, string, unknown } from '../schema.ts';
import { migrateRun } from '../run/migrations/index.ts';
import { readStoredBook, type BookRead } from '../profile/book-migrations.ts';

/**
 * The storage layout, in one place (design.md "The storage layout has one home"): which key holds
 * what, in which area, and which copy wins. Nothing else spells a key.
 *
 * - `storage.local` (disk): the profile book, a run's redacted copy (`history:`), a remembered secret or
 *   imported private key.
 * - `storage.session` (memory): a run's full record (`run:`), every profile's secret (`secret:`), every
 *   imported private key (`key:`).
 * - The worker's key store (IndexedDB, `platform/key-store.ts`): generated private keys, non-extractable.
 */
export type AreaName = 'session' | 'local';
/** One storage area's contents, as `storage.get(null)` answers. */
export type AreaRecords = Record<string, unknown>;

export const PROFILES_KEY = 'profiles';
/** A stored book this version could not read, kept aside untouched (never overwritten once there). */
export const UNREADABLE_BOOK_KEY = 'profiles-unreadable';
/** Presentation mode (storage.local): on or off, remembered across pages and restarts. */
export const PRESENTATION_KEY = 'presentation';
/**
 * The popup's note of the profile that was active when it last opened (page memory, not `storage`):
 * it asks for the book and that profile's secret at once. A hint only: the book decides.
 */
export const ACTIVE_PROFILE_HINT = 'activeProfileHint';
const RUN_PREFIX = 'run:';
const HISTORY_PREFIX = 'history:';
const SECRET_PREFIX = 'secret:';
const KEY_PREFIX = 'key:';

/** A run's full record, in storage.session. */
export const runKey = (id: string): string => `${RUN_PREFIX}${id}`;
/** A run's redacted copy in storage.local: history that survives a restart. */
export const historyKey = (id: string): string => `${HISTORY_PREFIX}${id}`;
/** A profile's secret: in storage.session, and also in storage.local when remembered. */
export const secretKey = (profileId: string): string => `${SECRET_PREFIX}${profileId}`;

/**
 * An imported private key (a secret like the client secret: the session's, and the disk's when the
 * profile remembers its secret), by its handle (`ClientKey.ref`).
 */
export const importedKeyKey = (ref: string): string => `${KEY_PREFIX}${ref}`;

/** What an imported key's record holds: the private JWK, and the thumbprint of its public half. */
export interface ImportedKeyRecord {
  jwk: PublicJwk;
  thumbprint: string;
}

/** The push channel a page opens to hear one run's saves as they happen (`run:<id>`). */
export const runChannel = {
  name: (id: string): string => `${RUN_PREFIX}${id}`,
  idOf: (name: string): string | undefined =>
    name.startsWith(RUN_PREFIX) ? name.slice(RUN_PREFIX.length) : undefined,
};

/** How many runs history keeps. */
export const HISTORY_LIMIT = 50;

/** Whether `key` in `area` holds a run (full or redacted): what a history list listens to. */
export const isRunRecordKey = (area: AreaName, key: string): boolean =>
  key.startsWith(area === 'session' ? RUN_PREFIX : HISTORY_PREFIX);

const keysWith = (records: AreaRecords, prefix: string) =>
  Object.keys(records).filter((k) => k.startsWith(prefix));

/** A stored run as this version reads it (migrated from an older schema), or `undefined`. */
export const readRun = (value: unknown): Run | undefined => migrateRun(value);

const readAll = (values: unknown[]): Run[] => values.map(readRun).filter((r): r is Run => r !== undefined);

export function isProfileBook(value: unknown): value is ProfileBook {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = picked({ schema: oneOf([1] as const), activeId: string, profiles: arrayOf(unknown) }, value);
  return (
    v.schema === 1 && typeof v.activeId === 'string' && Array.isArray(v.profiles) && v.profiles.length > 0
  );
}

/** What the book's key holds, as this version reads it (migrated, absent, or kept aside as unreadable). */
export const readBookRecord = (value: unknown): BookRead => readStoredBook(value, isProfileBook);

export const activeProfile = (book: ProfileBook): StoredProfile =>
  book.profiles.find((p) => p.id === book.activeId) ?? book.profiles[0]!;

/** The full session copy wins over the redacted copy on disk; `undefined` when neither exists. */
export const pickRun = (full: unknown, copy: unknown): unknown => (full !== undefined ? full : copy);

export interface RunList {
  /** Newest first, at most HISTORY_LIMIT, one per id (the full copy where there is one). */
  runs: Run[];
  /** Records of another schema version: counted, not shown. */
  unreadable: number;
}

export function listRuns(session: AreaRecords, local: AreaRecords): RunList {
  const records = [
    ...keysWith(local, HISTORY_PREFIX).map((k) => local[k]),
    ...keysWith(session, RUN_PREFIX).map((k) => session[k]),
  ];
  const readable = readAll(records);
  const byId = new Map<string, Run>();
  for (const run of readable) byId.set(run.id, run); // session last: the full copy wins
  return {
    runs: [...byId.values()].sort((a, b) => b.createdAt - a.createdAt).slice(0, HISTORY_LIMIT),
    unreadable: records.length - readable.length,
  };
}

/** Every run record in both areas, full and redacted copies alike (for pruning). */
export const allRunRecords = (session: AreaRecords, local: AreaRecords): Run[] =>
  readAll([
    ...keysWith(session, RUN_PREFIX).map((k) => session[k]),
    ...keysWith(local, HISTORY_PREFIX).map((k) => local[k]),
  ]);

/** The full copies in storage.session of runs that have ended. */
export const finishedRuns = (session: AreaRecords): Run[] =>
  readAll(keysWith(session, RUN_PREFIX).map((k) => session[k])).filter((r) => r.status !== 'running');

/** The keys "Clear history" removes: finished full copies and every redacted copy. */
export const historyKeys = (session: AreaRecords, local: AreaRecords): Record<AreaName, string[]> => ({
  session: finishedRuns(session).map((r) => runKey(r.id)),
  local: keysWith(local, HISTORY_PREFIX),
});

/** Every stored client secret and imported private key, remembered or not. */
export const secretKeys = (records: AreaRecords): string[] => [
  ...keysWith(records, SECRET_PREFIX),
  ...keysWith(records, KEY_PREFIX),
];

/**
 * What a profile's credential record (`secret:<id>`) holds: a secret credential, or `null` for none (a
 * key is named by the profile, `clientKey`). Records written before the union hold the bare secret (`''`
 * for none); they are read as the union, and written as one the next time the profile's secret is set.
 */
export type StoredCredential = SecretCredential | null;
type SecretCredential = Extract<ClientCredential, { kind: 'secret' }>;

/** The record for `secret` typed in the popup or the inspector: a secret credential, or none. */
export const storedCredential = (secret: string): StoredCredential =>
  secret === '' ? null : { kind: 'secret', secret };

const isCredential = (v: unknown): v is SecretCredential =>
  typeof v === 'object' &&
  v !== null &&
  'kind' in v &&
  v.kind === 'secret' &&
  'secret' in v &&
  typeof v.secret === 'string';

/** A stored record as this version reads it: `undefined` when there is none (or none it can read). */
export function readCredential(value: unknown): { credential?: SecretCredential } | undefined {
  if (typeof value === 'string') return value === '' ? {} : { credential: { kind: 'secret', secret: value } };
  if (value === null) return {};
  return isCredential(value) ? { credential: value } : undefined;
}

/** The credential lookup order: the session's record, then the disk's when the profile remembers its secret. */
export function pickCredential(
  profile: StoredProfile,
  inSession: unknown,
  onDisk: unknown,
): SecretCredential | undefined {
  const session = readCredential(inSession);
  if (session) return session.credential;
  return profile.rememberSecret ? readCredential(onDisk)?.credential : undefined;
}

/** The secret the popup's field shows: the picked credential's, or '' (none, or a key). */
export function pickSecret(profile: StoredProfile, inSession: unknown, onDisk: unknown): string {
  const credential = pickCredential(profile, inSession, onDisk);
  return credential?.kind === 'secret' ? credential.secret : '';
}
