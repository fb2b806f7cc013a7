import { useRef, useState } from 'preact/hooks';
import type { FlowErrorInfo, Result } from '../core/flow-error.ts';
import type { ProfileBook, StoredProfile } from '../core/profile/profile-book.ts';
import {
  ACTIVE_PROFILE_HINT,
  activeProfile,
  readBookRecord,
  pickSecret,
  PROFILES_KEY,
  UNREADABLE_BOOK_KEY,
  secretKey,
} from '../core/view/stored-records.ts';
import { send, type ProfileEdit, type ProfileState } from '../messages.ts';
import { ownRedirectFor } from '../platform/identity.ts';
import { recall, remember } from '../platform/page-memory.ts';
import { readKey, readKeys } from '../platform/storage-read.ts';
import type { ReportError } from './use-alert.ts';

export type PopupState = ProfileState;

async function readSecret(profileId: string) {
  const key = secretKey(profileId);
  const [inSession, onDisk] = await Promise.all([readKey('session', key), readKey('local', key)]);
  return { inSession, onDisk };
}

/** The book, with the secret of the profile guessed to be active, in one round trip. */
async function readBookAndGuess(guess: string | undefined) {
  if (guess === undefined) {
    const local = await readKeys('local', [PROFILES_KEY, UNREADABLE_BOOK_KEY]);
    return { book: local[PROFILES_KEY], aside: local[UNREADABLE_BOOK_KEY] };
  }
  const key = secretKey(guess);
  const [local, inSession] = await Promise.all([
    readKeys('local', [PROFILES_KEY, UNREADABLE_BOOK_KEY, key]),
    readKey('session', key),
  ]);
  return {
    book: local[PROFILES_KEY],
    aside: local[UNREADABLE_BOOK_KEY],
    secret: { inSession, onDisk: local[key] },
  };
}

/**
 * Read straight from storage so the popup opens filled in without waking the worker; only the very
 * first popup asks the worker to create the default profiles. The book and a secret are asked for at
 * once: the secret of the profile that was active last time (page memory). When another profile is
 * active now, its secret takes a second round trip.
 */
export async function loadState(): Promise<Result<PopupState>> {
  const guess = recall(ACTIVE_PROFILE_HINT);
  const { book: record, aside, secret } = await readBookAndGuess(guess);
  // The worker writes what needs writing (a first book, a migrated one) and says what it kept aside.
  const read = readBookRecord(record);
  if (!('book' in read) || read.migrated || aside !== undefined) return send('loadProfiles', {});
  const stored = read.book;
  // A profile shared by a colleague shows (and, once edited, keeps) this installation's redirect URL.
  const profiles = stored.profiles.map((p) => ({ ...p, redirectUri: ownRedirectFor(p.redirectUri) }));
  const book = { ...stored, profiles };
  const profile = activeProfile(book);
  const { inSession, onDisk } = secret && profile.id === guess ? secret : await readSecret(profile.id);
  remember(ACTIVE_PROFILE_HINT, profile.id);
  return { ok: true, value: { book, secret: pickSecret(profile, inSession, onDisk) } };
}

export interface Profiles {
  book: ProfileBook;
  profile: StoredProfile;
  secret: string;
  /** Field edits show at once; the worker saves them. A function patch sees the latest profile. */
  change: (patch: Partial<StoredProfile> | ((p: StoredProfile) => Partial<StoredProfile>)) => void;
  setSecret: (secret: string) => void;
  /** new / duplicate / rename / delete / select; resolves with the error, if any. */
  edit: (edit: ProfileEdit) => Promise<FlowErrorInfo | undefined>;
}

export function useProfiles(initial: PopupState, report: ReportError): Profiles {
  const [state, setState] = useState(initial);
  // Answers arrive while the user types (discovery, say): every change builds on the latest state,
  // never on the render it was created in, so a late answer cannot undo a keystroke.
  const latest = useRef(state);
  const commit = (next: PopupState) => {
    latest.current = next;
    remember(ACTIVE_PROFILE_HINT, activeProfile(next.book).id);
    setState(next);
  };
  const profile = activeProfile(state.book);
  const change = (patch: Partial<StoredProfile> | ((p: StoredProfile) => Partial<StoredProfile>)) => {
    const current = activeProfile(latest.current.book);
    const next = { ...current, ...(typeof patch === 'function' ? patch(current) : patch) };
    const profiles = latest.current.book.profiles.map((p) => (p.id === next.id ? next : p));
    commit({ ...latest.current, book: { ...latest.current.book, profiles } });
    void send('editProfiles', { edit: { action: 'update', profile: next } }).then((a) =>
      report(a.ok ? undefined : a.error),
    );
  };
  const setSecret = (secret: string) => {
    commit({ ...latest.current, secret });
    void send('setSecret', { profileId: activeProfile(latest.current.book).id, secret });
  };
  const edit = async (e: ProfileEdit) => {
    const answer = await send('editProfiles', { edit: e });
    if (!answer.ok) return answer.error;
    commit(answer.value);
    return undefined;
  };
  return { book: state.book, profile, secret: state.secret, change, setSecret, edit };
}
