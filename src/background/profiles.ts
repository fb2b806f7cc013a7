import { moveApiCalls } from './api-recent.ts';
import { namedSetting } from '../core/run/run.ts';
import { workerWords } from './words.ts';
import { invalid, ok, type Result } from '../core/flow-error.ts';
import { defaultProfile } from '../core/profile/profile.ts';
import {
  addProfile,
  defaultBook,
  deleteProfile,
  renameProfile,
  updateProfile,
  type ProfileBook,
  type StoredProfile,
} from '../core/profile/profile-book.ts';
import {
  exportProfiles as exportBook,
  importProfiles as importIntoBook,
} from '../core/profile/profile-file.ts';
import { randomToken } from '../core/protocol/random.ts';
import {
  activeProfile,
  readBookRecord,
  pickCredential,
  pickSecret,
  storedCredential,
  type StoredCredential,
  PROFILES_KEY,
  UNREADABLE_BOOK_KEY,
  secretKey,
  secretKeys,
} from '../core/view/stored-records.ts';
import type { ProfileEdit, Res } from '../messages.ts';
import { extensionRedirectUrl, ownRedirectFor } from '../platform/identity.ts';
import { readAll, readKey } from '../platform/storage-read.ts';
import { removeKeys, writeKeys } from '../platform/storage-write.ts';
import type { WorkerDeps } from './deps.ts';
import { generateClientKey, importClientKey, rememberClientKey, removeClientKey } from './client-keys.ts';
import { forgetRunSecrets, loadRun, missingRun } from './run-store.ts';
import { browserPlatform } from './worker-platform.ts';
import { say, type Said } from '../core/i18n/say.ts';

const gone = invalid(say('profileGone'));

/**
 * The stored book (migrated to this version), or the first-run one ("BTG Id") when there is none. A book
 * this version cannot read (a newer one's, a damaged one) is moved aside untouched before the default
 * takes its key, never silently replaced; `keptAside` says so for as long as it is there.
 */
async function readBook(): Promise<{ book: ProfileBook; write: boolean; keptAside?: Said }> {
  const [stored, aside] = await Promise.all([
    readKey('local', PROFILES_KEY),
    readKey('local', UNREADABLE_BOOK_KEY),
  ]);
  const read = readBookRecord(stored);
  const keptAside = aside !== undefined ? readBookRecord(aside) : undefined;
  const note = keptAside && 'unreadable' in keptAside ? { keptAside: keptAside.unreadable } : {};
  if ('book' in read) return { book: read.book, write: read.migrated, ...note };
  const book = defaultBook(extensionRedirectUrl());
  if ('absent' in read) return { book, write: true, ...note };
  if (aside === undefined) await writeKeys('local', { [UNREADABLE_BOOK_KEY]: stored });
  return { book, write: true, keptAside: read.unreadable };
}

async function loadBook(): Promise<ProfileBook> {
  return (await loadState()).book;
}

async function loadState(): Promise<{ book: ProfileBook; keptAside?: Said }> {
  const { book, write, keptAside } = await readBook();
  if (write) await writeKeys('local', { [PROFILES_KEY]: book });
  return { book, ...(keptAside ? { keptAside } : {}) };
}

/** A profile's credential records: its session copy and its disk copy. */
const credentialRecords = (profile: StoredProfile): Promise<[unknown, unknown]> => {
  const key = secretKey(profile.id);
  return Promise.all([readKey('session', key), readKey('local', key)]);
};

async function readCredentialOf(profile: StoredProfile): Promise<StoredCredential> {
  return pickCredential(profile, ...(await credentialRecords(profile))) ?? null;
}

/** The secret the popup's field shows for `profile`: its credential's, or '' (none, or a key). */
async function readSecret(profile: StoredProfile): Promise<string> {
  return pickSecret(profile, ...(await credentialRecords(profile)));
}

/** The profile's credential record set from `secret`: in the session, and on disk only when remembered. */
export async function setSecret(profileId: string, secret: string): Promise<void> {
  const book = await loadBook();
  const profile = book.profiles.find((p) => p.id === profileId);
  const record = storedCredential(secret);
  await writeKeys('session', { [secretKey(profileId)]: record });
  if (profile?.rememberSecret) await writeKeys('local', { [secretKey(profileId)]: record });
  else await removeKeys('local', [secretKey(profileId)]);
}

export async function loadProfiles(): Promise<Res<'loadProfiles'>> {
  const { book, keptAside } = await loadState();
  return { book, secret: await readSecret(activeProfile(book)), ...(keptAside ? { keptAside } : {}) };
}

async function applyEdit(
  book: ProfileBook,
  edit: ProfileEdit,
  deps: WorkerDeps,
): Promise<Result<ProfileBook>> {
  const newId = () => randomToken(deps.random, 9);
  switch (edit.action) {
    case 'new':
      return ok(
        addProfile(book, {
          ...defaultProfile(extensionRedirectUrl()),
          id: newId(),
          name: workerWords.t('profileNew'),
          rememberSecret: false,
        }),
      );
    case 'duplicate': {
      const source = book.profiles.find((p) => p.id === edit.id);
      if (!source) return gone;
      // The copy names no key: a private key belongs to one profile (generate or import one for the copy).
      const { clientKey: _key, ...fields } = source;
      const copy = { ...fields, id: newId(), name: `${source.name} (copy)`, rememberSecret: false };
      // The copy gets the secret for this session only: remembering is asked per profile.
      await writeKeys('session', { [secretKey(copy.id)]: await readCredentialOf(source) });
      return ok(addProfile(book, copy));
    }
    case 'rename': {
      const renamed = renameProfile(book, edit.id, edit.name);
      const before = book.profiles.find((p) => p.id === edit.id)?.name;
      if (renamed.ok && before !== undefined) await moveApiCalls(deps.platform, before, edit.name.trim());
      return renamed;
    }
    case 'delete': {
      const next = deleteProfile(book, edit.id);
      const ref = book.profiles.find((p) => p.id === edit.id)?.clientKey?.ref;
      if (next.ok)
        await Promise.all([
          removeKeys('session', [secretKey(edit.id)]),
          removeKeys('local', [secretKey(edit.id)]),
          ...(ref ? [removeClientKey(deps.platform, ref)] : []),
          moveApiCalls(deps.platform, book.profiles.find((p) => p.id === edit.id)?.name ?? ''),
        ]);
      return next;
    }
    case 'generateKey':
    case 'importKey':
    case 'deleteKey':
      return keyEdit(book, edit, deps);
    case 'select':
      return book.profiles.some((p) => p.id === edit.id) ? ok({ ...book, activeId: edit.id }) : gone;
    case 'update': {
      const before = book.profiles.find((p) => p.id === edit.profile.id);
      if (!before) return gone;
      // Of the key, a page edits only its kid: the key itself changes through the key edits alone.
      const { clientKey: _asked, ...asked } = edit.profile;
      const kid = edit.profile.clientKey?.kid.trim();
      const clientKey = before.clientKey && { ...before.clientKey, ...(kid ? { kid } : {}) };
      const next = updateProfile(book, { ...asked, ...(clientKey ? { clientKey } : {}), name: before.name });
      if (before.rememberSecret !== edit.profile.rememberSecret) {
        const record = await readCredentialOf(before);
        if (edit.profile.rememberSecret) await writeKeys('local', { [secretKey(before.id)]: record });
        else await removeKeys('local', [secretKey(before.id)]);
        if (before.clientKey?.ref)
          await rememberClientKey(deps.platform, before.clientKey.ref, edit.profile.rememberSecret);
      }
      return ok(next);
    }
  }
}

type KeyEdit = Extract<ProfileEdit, { action: 'generateKey' | 'importKey' | 'deleteKey' }>;

/**
 * A profile's client key generated, imported or deleted: the private half in the worker's keeping (see
 * `client-keys.ts`), the profile naming its public half. A new key takes a new handle and the old key's
 * private half is removed only once the new one is kept; a refused file changes nothing.
 */
async function keyEdit(book: ProfileBook, edit: KeyEdit, deps: WorkerDeps): Promise<Result<ProfileBook>> {
  const profile = book.profiles.find((p) => p.id === edit.id);
  if (!profile) return gone;
  const old = profile.clientKey?.ref;
  const { clientKey: _old, ...rest } = profile;
  let next: StoredProfile = rest;
  if (edit.action !== 'deleteKey') {
    const ref = randomToken(deps.random, 16);
    const made =
      edit.action === 'generateKey'
        ? ok(await generateClientKey(deps.platform, edit.alg, ref))
        : await importClientKey(deps.platform, edit.text, edit.alg, ref, profile.rememberSecret);
    if (!made.ok) return made;
    next = { ...rest, clientKey: made.value };
  }
  if (old) await removeClientKey(deps.platform, old);
  return ok(updateProfile(book, next));
}

export async function editProfiles(edit: ProfileEdit, deps: WorkerDeps): Promise<Res<'editProfiles'>> {
  const next = await applyEdit(await loadBook(), edit, deps);
  if (!next.ok) return next;
  await writeKeys('local', { [PROFILES_KEY]: next.value });
  return ok({ book: next.value, secret: await readSecret(activeProfile(next.value)) });
}

export async function importProfiles(
  text: string,
  anyway: boolean,
  deps: WorkerDeps,
): Promise<Res<'importProfiles'>> {
  // A refused file changes nothing: not even the default profiles are written for it.
  const { book } = await readBook();
  const result = importIntoBook(book, text, () => randomToken(deps.random, 9), ownRedirectFor, anyway);
  if (!result.ok) return result;
  const { added, moved, held } = result.value;
  if (held) return ok({ added, held });
  await writeKeys('local', { [PROFILES_KEY]: result.value.book });
  return ok({ added, ...(moved ? { ownRedirect: extensionRedirectUrl() } : {}) });
}

export async function exportProfiles(): Promise<Res<'exportProfiles'>> {
  return { text: exportBook((await readBook()).book) };
}

/** "Forget secrets and tokens": every client secret, remembered or not, and finished runs' tokens. */
export async function forgetSecrets(): Promise<void> {
  const [session, local] = await Promise.all([readAll('session'), readAll('local')]);
  await Promise.all([
    removeKeys('session', secretKeys(session)),
    removeKeys('local', secretKeys(local)),
    forgetRunSecrets(browserPlatform),
  ]);
}

/**
 * After a retry succeeded: the setting it changed (client authentication, or the Basic credential's
 * encoding) saved in the profile the run was started from, found by its name (names are unique).
 */
export async function keepRetrySetting(runId: string): Promise<Res<'keepRetrySetting'>> {
  const run = await loadRun(browserPlatform, runId);
  if (!run) return missingRun(runId);
  const book = await loadBook();
  const profile = book.profiles.find((p) => p.name === run.profileName);
  if (!run.retry || run.status !== 'done' || !profile) return gone;
  if ('newSecret' in run.retry) {
    // The profile's secret for the session; on disk only where the profile remembers its secret.
    await setSecret(profile.id, run.secrets.find((s) => s.kind === 'client_secret')?.value ?? '');
    return ok({ profileName: profile.name });
  }
  const change = namedSetting(run.retry);
  await writeKeys('local', { [PROFILES_KEY]: updateProfile(book, { ...profile, ...change }) });
  return ok({ profileName: profile.name });
}

/** A stored profile and the secret typed for it this session (or remembered), for a request made outside a run. */
export async function profileAndSecret(
  profileId: string,
): Promise<{ profile: StoredProfile; secret: string } | undefined> {
  const profile = (await loadBook()).profiles.find((p) => p.id === profileId);
  return profile && { profile, secret: await readSecret(profile) };
}
