import type { Profile } from './profile.ts';
import type { StoredProfile } from './profile-book.ts';

/**
 * Every field of a Profile, named once: the compiler refuses a Profile field missing here (`Unlisted`),
 * and the payload schema (`core/message-payloads.ts`, `fieldsOf<Profile>`) refuses one missing there,
 * so a new field reaches the run's snapshot, the message and the profile file alike.
 */
export const PROFILE_FIELDS = [
  'issuer',
  'clientId',
  'redirectUri',
  'scopes',
  'usePkce',
  'prompt',
  'endpoints',
  'clientAuth',
  'encodeBasic',
  'assertionAudience',
  'clientKey',
  'usePar',
  'signRequest',
  'useDpop',
  'fapi2',
  'flow',
  'extraAuthorize',
  'extraToken',
] as const satisfies readonly (keyof Profile)[];
type Unlisted = Exclude<keyof Profile, (typeof PROFILE_FIELDS)[number]>;
const everyField: [Unlisted] extends [never] ? true : Unlisted = true;

/** Optional fields at their default are left out of a snapshot, as a profile that never set them. */
const DEFAULTS: Partial<Record<keyof Profile, string>> = {
  clientAuth: '',
  encodeBasic: 'true',
  assertionAudience: '"issuer"',
  usePar: 'false',
  signRequest: 'false',
  useDpop: 'false',
  fapi2: 'false',
  flow: '"authorization_code"',
  extraAuthorize: '[]',
  extraToken: '[]',
};
const atDefault = (key: keyof Profile, value: unknown) =>
  Object.hasOwn(DEFAULTS, key) && (value === '' || JSON.stringify(value) === DEFAULTS[key]);

/** The fields of a Profile only, as a run records them: no id, no name, no device setting. */
export function profileSnapshot(p: Profile | StoredProfile): Profile {
  void everyField;
  const snapshot: Record<string, unknown> = {};
  for (const key of PROFILE_FIELDS) {
    const value = p[key];
    if (value !== undefined && !atDefault(key, value)) snapshot[key] = structuredClone(value);
  }
  return snapshot as unknown as Profile;
}
