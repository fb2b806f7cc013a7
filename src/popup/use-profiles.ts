import { useState } from 'preact/hooks';
import type { FlowErrorInfo } from '../core/flow-error.ts';
import {
  activeProfile,
  isProfileBook,
  PROFILES_KEY,
  secretKey,
  type ProfileBook,
  type StoredProfile,
} from '../core/profiles.ts';
import { send, type ProfileEdit } from '../messages.ts';
import { readKey } from '../platform/storage.ts';

export interface PopupState {
  book: ProfileBook;
  secret: string;
}

/**
 * Read straight from storage so the popup opens filled in without waking the worker; only the very
 * first popup asks the worker to create the default profiles.
 */
export async function loadState(): Promise<PopupState> {
  const book = await readKey('local', PROFILES_KEY);
  if (!isProfileBook(book)) return send('loadProfiles', {});
  const profile = activeProfile(book);
  const key = secretKey(profile.id);
  const [inSession, onDisk] = await Promise.all([
    readKey('session', key),
    profile.rememberSecret ? readKey('local', key) : undefined,
  ]);
  const secret = typeof inSession === 'string' ? inSession : typeof onDisk === 'string' ? onDisk : '';
  return { book, secret };
}

export interface Profiles {
  book: ProfileBook;
  profile: StoredProfile;
  secret: string;
  /** Field edits show at once; the worker saves them. */
  change: (patch: Partial<StoredProfile>) => void;
  setSecret: (secret: string) => void;
  /** new / duplicate / rename / delete / select; resolves with the error, if any. */
  edit: (edit: ProfileEdit) => Promise<FlowErrorInfo | undefined>;
}

export function useProfiles(initial: PopupState, onError: (e: FlowErrorInfo) => void): Profiles {
  const [state, setState] = useState(initial);
  const profile = activeProfile(state.book);
  const change = (patch: Partial<StoredProfile>) => {
    const next = { ...profile, ...patch };
    setState((s) => ({
      ...s,
      book: { ...s.book, profiles: s.book.profiles.map((p) => (p.id === next.id ? next : p)) },
    }));
    void send('editProfiles', { edit: { action: 'update', profile: next } }).then(
      (a) => a.ok || onError(a.error),
    );
  };
  const setSecret = (secret: string) => {
    setState((s) => ({ ...s, secret }));
    void send('setSecret', { profileId: profile.id, secret });
  };
  const edit = async (e: ProfileEdit) => {
    const answer = await send('editProfiles', { edit: e });
    if (!answer.ok) return answer.error;
    setState(answer.value);
    return undefined;
  };
  return { book: state.book, profile, secret: state.secret, change, setSecret, edit };
}
