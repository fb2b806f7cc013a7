import { defaultProfile, PROMPTS, type Profile } from './profile.ts';

/** A named registration the user keeps; the client secret is stored apart (see `secretKey`). */
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

export const PROFILES_KEY = 'profiles';
/** A profile's secret: in storage.session, and also in storage.local when remembered. */
export const secretKey = (profileId: string): string => `secret:${profileId}`;

export const FILE_FORMAT = 'auth-code-inspector/profiles';
export const MAX_IMPORT_BYTES = 256 * 1024;
export const MAX_PROFILES = 100;

export function defaultBook(redirectUri: string): ProfileBook {
  return {
    schema: 1,
    activeId: 'btg-id',
    profiles: [{ ...defaultProfile(redirectUri), id: 'btg-id', name: 'BTG Id', rememberSecret: false }],
  };
}

export const activeProfile = (book: ProfileBook): StoredProfile =>
  book.profiles.find((p) => p.id === book.activeId) ?? book.profiles[0]!;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

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

export function renameProfile(book: ProfileBook, id: string, name: string): ProfileBook | { error: string } {
  const trimmed = name.trim();
  if (!trimmed) return { error: 'A profile needs a name.' };
  if (book.profiles.some((p) => p.id !== id && p.name === trimmed))
    return { error: `There is already a profile named "${trimmed}".` };
  return { ...book, profiles: book.profiles.map((p) => (p.id === id ? { ...p, name: trimmed } : p)) };
}

export function deleteProfile(book: ProfileBook, id: string): ProfileBook | { error: string } {
  if (book.profiles.length <= 1) return { error: 'The last profile cannot be deleted.' };
  const profiles = book.profiles.filter((p) => p.id !== id);
  return { ...book, profiles, activeId: book.activeId === id ? profiles[0]!.id : book.activeId };
}

/** Profiles as a shareable file: never a secret, never a device setting. */
export function exportProfiles(book: ProfileBook): string {
  const profiles = book.profiles.map(({ id: _id, rememberSecret: _remember, ...p }) => p);
  return JSON.stringify({ format: FILE_FORMAT, version: 1, profiles }, null, 2);
}

function readProfile(value: unknown, index: number): Omit<StoredProfile, 'id' | 'rememberSecret'> | string {
  const where = `Profile ${index + 1}`;
  if (!isObject(value)) return `${where} is not an object.`;
  const label = typeof value.name === 'string' && value.name.trim() ? `${where} ("${value.name}")` : where;
  for (const field of ['name', 'issuer', 'clientId', 'redirectUri', 'scopes'] as const) {
    if (typeof value[field] !== 'string') return `${label}: "${field}" is missing or not text.`;
  }
  if (!(value.name as string).trim()) return `${label}: "name" is empty.`;
  if (typeof value.usePkce !== 'boolean') return `${label}: "usePkce" must be true or false.`;
  if (!(PROMPTS as readonly unknown[]).includes(value.prompt))
    return `${label}: "prompt" must be one of login, none, consent, select_account or "".`;
  const ep = value.endpoints;
  if (!isObject(ep) || ['authorization', 'token', 'jwks'].some((k) => typeof ep[k] !== 'string')) {
    return `${label}: "endpoints" needs authorization, token and jwks as text.`;
  }
  // Only known fields are taken: whatever else the file carries (a secret, say) is left behind.
  return {
    name: (value.name as string).trim(),
    issuer: value.issuer as string,
    clientId: value.clientId as string,
    redirectUri: value.redirectUri as string,
    scopes: value.scopes as string,
    usePkce: value.usePkce,
    prompt: value.prompt as Profile['prompt'],
    endpoints: {
      authorization: ep.authorization as string,
      token: ep.token as string,
      jwks: ep.jwks as string,
    },
  };
}

/**
 * Adds the profiles of an exported file. A malformed, oversized or foreign file gets one message
 * naming the problem, and the book is left exactly as it was.
 */
export function importProfiles(
  book: ProfileBook,
  text: string,
  newId: () => string,
): { book: ProfileBook; added: number } | { error: string } {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_IMPORT_BYTES)
    return {
      error: `The file is ${Math.ceil(bytes / 1024)} KB; a profiles file is at most ${MAX_IMPORT_BYTES / 1024} KB.`,
    };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { error: `The file is not JSON: ${(e as Error).message}` };
  }
  if (!isObject(data) || data.format !== FILE_FORMAT) {
    const found =
      isObject(data) && 'format' in data
        ? `its format is ${JSON.stringify(data.format)}`
        : 'it has no "format" field';
    return { error: `This is not an Auth Code Inspector profiles file (${found}).` };
  }
  if (data.version !== 1)
    return {
      error: `This profiles file has version ${JSON.stringify(data.version)}; this extension reads version 1.`,
    };
  if (!Array.isArray(data.profiles) || data.profiles.length === 0)
    return { error: 'The file holds no profiles.' };
  if (book.profiles.length + data.profiles.length > MAX_PROFILES)
    return { error: `That would make more than ${MAX_PROFILES} profiles.` };
  const read = data.profiles.map(readProfile);
  const problem = read.find((r): r is string => typeof r === 'string');
  if (problem) return { error: problem };
  let next = book;
  for (const profile of read as Omit<StoredProfile, 'id' | 'rememberSecret'>[]) {
    next = {
      ...addProfile(next, { ...profile, id: newId(), rememberSecret: false }),
      activeId: book.activeId,
    };
  }
  return { book: next, added: read.length };
}

export function isProfileBook(value: unknown): value is ProfileBook {
  return (
    isObject(value) &&
    value.schema === 1 &&
    typeof value.activeId === 'string' &&
    Array.isArray(value.profiles) &&
    value.profiles.length > 0
  );
}
