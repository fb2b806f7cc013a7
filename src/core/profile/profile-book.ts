import { invalid, ok, type Result } from '../flow-error.ts';
import { defaultProfile, type Profile } from './profile.ts';
import { say } from '../i18n/say.ts';

/** A named registration the user keeps; the client secret is stored apart (see `view/stored-records`). */
export interface StoredProfile extends Profile {
  id: string;
  name: string;
  /** Opt-in: keep this profile's secret in storage.local (on disk, unencrypted). */
  rememberSecret: boolean;
}

export interface ProfileBook {
  schema: 1;
  activeId: string;
  profiles: StoredProfile[];
}

export const MAX_PROFILES = 100;

export function defaultBook(redirectUri: string): ProfileBook {
  return {
    schema: 1,
    activeId: 'btg-id',
    profiles: [{ ...defaultProfile(redirectUri), id: 'btg-id', name: 'BTG Id', rememberSecret: false }],
  };
}

/** Names stay unique: "BTG Id", "BTG Id (2)", … */
export function uniqueName(book: ProfileBook, wanted: string): string {
  const taken = new Set(book.profiles.map((p) => p.name));
  if (!taken.has(wanted)) return wanted;
  let n = 2;
  while (taken.has(`${wanted} (${n})`)) n++;
  return `${wanted} (${n})`;
}

export function updateProfile(book: ProfileBook, profile: StoredProfile): ProfileBook {
  return { ...book, profiles: book.profiles.map((p) => (p.id === profile.id ? profile : p)) };
}

export function addProfile(book: ProfileBook, profile: StoredProfile): ProfileBook {
  const named = { ...profile, name: uniqueName(book, profile.name) };
  return { ...book, activeId: named.id, profiles: [...book.profiles, named] };
}

export function renameProfile(book: ProfileBook, id: string, name: string): Result<ProfileBook> {
  const trimmed = name.trim();
  if (!trimmed) return invalid(say('profileNeedsName'));
  if (book.profiles.some((p) => p.id !== id && p.name === trimmed))
    return invalid(say('profileNameTaken', trimmed));
  return ok({ ...book, profiles: book.profiles.map((p) => (p.id === id ? { ...p, name: trimmed } : p)) });
}

export function deleteProfile(book: ProfileBook, id: string): Result<ProfileBook> {
  if (book.profiles.length <= 1) return invalid(say('profileLast'));
  const profiles = book.profiles.filter((p) => p.id !== id);
  return ok({ ...book, profiles, activeId: book.activeId === id ? profiles[0]!.id : book.activeId });
}
