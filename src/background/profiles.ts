import { defaultProfile } from '../core/profile.ts';
import {
  activeProfile,
  addProfile,
  defaultBook,
  deleteProfile,
  exportProfiles as exportBook,
  importProfiles as importIntoBook,
  isProfileBook,
  PROFILES_KEY,
  renameProfile,
  secretKey,
  updateProfile,
  type ProfileBook,
  type StoredProfile,
} from '../core/profiles.ts';
import { randomToken } from '../core/random.ts';
import type { ProfileEdit, Requests } from '../messages.ts';
import { extensionRedirectUrl } from '../platform/identity.ts';
import { readAll, readKey, removeKeys, writeKeys } from '../platform/storage.ts';
import type { WorkerDeps } from './deps.ts';
import { forgetRunSecrets } from './run-store.ts';

let queue: Promise<unknown> = Promise.resolve();

/**
 * Every change to the book is a read-modify-write: run them one at a time, in the order they came,
 * or a keystroke saved just before "New profile" could be lost between the read and the write.
 */
export function serial<T>(task: () => Promise<T>): Promise<T> {
  const next = queue.then(task, task);
  queue = next.catch(() => undefined);
  return next;
}

/** The book on disk, or the first-run one ("BTG Id") when there is none yet. */
async function loadBook(): Promise<ProfileBook> {
  const stored = await readKey('local', PROFILES_KEY);
  if (isProfileBook(stored)) return stored;
  const book = defaultBook(extensionRedirectUrl());
  await writeKeys('local', { [PROFILES_KEY]: book });
  return book;
}

/** The session copy first; the disk copy exists only for a profile that opted in. */
async function readSecret(profile: StoredProfile): Promise<string> {
  const key = secretKey(profile.id);
  const inSession = await readKey('session', key);
  if (typeof inSession === 'string') return inSession;
  const onDisk = profile.rememberSecret ? await readKey('local', key) : undefined;
  return typeof onDisk === 'string' ? onDisk : '';
}

export async function setSecret(profileId: string, secret: string): Promise<void> {
  const book = await loadBook();
  const profile = book.profiles.find((p) => p.id === profileId);
  await writeKeys('session', { [secretKey(profileId)]: secret });
  if (profile?.rememberSecret) await writeKeys('local', { [secretKey(profileId)]: secret });
  else await removeKeys('local', [secretKey(profileId)]);
}

export async function loadProfiles(): Promise<Requests['loadProfiles']['response']> {
  const book = await loadBook();
  return { book, secret: await readSecret(activeProfile(book)) };
}

async function applyEdit(
  book: ProfileBook,
  edit: ProfileEdit,
  deps: WorkerDeps,
): Promise<ProfileBook | { error: string }> {
  const newId = () => randomToken(deps.random, 9);
  switch (edit.action) {
    case 'new':
      return addProfile(book, {
        ...defaultProfile(extensionRedirectUrl()),
        id: newId(),
        name: 'New profile',
        rememberSecret: false,
      });
    case 'duplicate': {
      const source = book.profiles.find((p) => p.id === edit.id);
      if (!source) return { error: 'That profile no longer exists.' };
      const copy = { ...source, id: newId(), name: `${source.name} (copy)`, rememberSecret: false };
      // The copy gets the secret for this session only: remembering is asked per profile.
      await writeKeys('session', { [secretKey(copy.id)]: await readSecret(source) });
      return addProfile(book, copy);
    }
    case 'rename':
      return renameProfile(book, edit.id, edit.name);
    case 'delete': {
      const next = deleteProfile(book, edit.id);
      if (!('error' in next))
        await Promise.all([
          removeKeys('session', [secretKey(edit.id)]),
          removeKeys('local', [secretKey(edit.id)]),
        ]);
      return next;
    }
    case 'select':
      return book.profiles.some((p) => p.id === edit.id)
        ? { ...book, activeId: edit.id }
        : { error: 'That profile no longer exists.' };
    case 'update': {
      const before = book.profiles.find((p) => p.id === edit.profile.id);
      if (!before) return { error: 'That profile no longer exists.' };
      const next = updateProfile(book, { ...edit.profile, name: before.name });
      if (before.rememberSecret !== edit.profile.rememberSecret) {
        const secret = await readSecret(before);
        if (edit.profile.rememberSecret) await writeKeys('local', { [secretKey(before.id)]: secret });
        else await removeKeys('local', [secretKey(before.id)]);
      }
      return next;
    }
  }
}

export async function editProfiles(
  edit: ProfileEdit,
  deps: WorkerDeps,
): Promise<Requests['editProfiles']['response']> {
  const next = await applyEdit(await loadBook(), edit, deps);
  if ('error' in next) return { ok: false, error: { code: 'invalid_input', message: next.error } };
  await writeKeys('local', { [PROFILES_KEY]: next });
  return { ok: true, value: { book: next, secret: await readSecret(activeProfile(next)) } };
}

export async function importProfiles(
  text: string,
  deps: WorkerDeps,
): Promise<Requests['importProfiles']['response']> {
  const result = importIntoBook(await loadBook(), text, () => randomToken(deps.random, 9));
  if ('error' in result) return { ok: false, error: { code: 'invalid_input', message: result.error } };
  await writeKeys('local', { [PROFILES_KEY]: result.book });
  return { ok: true, value: { added: result.added } };
}

export async function exportProfiles(): Promise<Requests['exportProfiles']['response']> {
  return { text: exportBook(await loadBook()) };
}

/** "Forget secrets and tokens": every client secret, remembered or not, and finished runs' tokens. */
export async function forgetSecrets(): Promise<void> {
  const [session, local] = await Promise.all([readAll('session'), readAll('local')]);
  const secrets = (area: Record<string, unknown>) => Object.keys(area).filter((k) => k.startsWith('secret:'));
  await Promise.all([
    removeKeys('session', secrets(session)),
    removeKeys('local', secrets(local)),
    forgetRunSecrets(),
  ]);
}
