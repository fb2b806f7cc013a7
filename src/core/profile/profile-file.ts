import { invalid, ok, type Result, messageOf } from '../flow-error.ts';
import { CLIENT_AUTH_METHODS, FLOWS, PROMPTS, type ClientKey, type Profile } from './profile.ts';
import { arrayOf, boolean, oneOf, picked, string, unknown as unknownValue } from '../schema.ts';
import { addProfile, MAX_PROFILES, type ProfileBook, type StoredProfile } from './profile-book.ts';
import { say, type Said } from '../i18n/say.ts';
import { CONTROL_OR_SPACE } from '../protocol/url-rules.ts';
import { profileSchema } from '../message-payloads.ts';
import { PROFILE_FIELDS, profileSnapshot } from './profile-snapshot.ts';

export const FILE_FORMAT = 'auth-code-inspector/profiles';
export const MAX_IMPORT_BYTES = 256 * 1024;

type FileProfile = Omit<StoredProfile, 'id' | 'rememberSecret'>;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Profiles as a shareable file: never a secret, never a device setting. */
export function exportProfiles(book: ProfileBook): string {
  const profiles = book.profiles.map(({ id: _id, rememberSecret: _remember, ...p }) => ({
    ...p,
    ...(p.clientKey ? { clientKey: publicPart(p.clientKey) } : {}),
  }));
  return JSON.stringify({ format: FILE_FORMAT, version: 1, profiles }, null, 2);
}

/** A client key as a file carries it: the public JWK, `kid` and `alg`; never this device's handle to the private half. */
const publicPart = ({ ref: _ref, source: _source, ...key }: ClientKey): ClientKey => key;

/** How a profile file's field must look, in words, where the schema's check alone would say too little. */
const FIELD_RULES: Partial<Record<keyof Profile, () => Said>> = {
  clientAuth: () => say('fileRuleOneOf', CLIENT_AUTH_METHODS.join(', ')),
  encodeBasic: () => say('fileRuleBoolean'),
  clientKey: () => say('fileRuleClientKey'),
  flow: () => say('fileRuleOneOf', FLOWS.join(', ')),
  extraAuthorize: () => say('fileRuleRows'),
  extraToken: () => say('fileRuleRows'),
};

/** What every profile in a file must hold; the rest of `Profile` is optional there, as it is in the type. */
const REQUIRED = { name: string, issuer: string, clientId: string, redirectUri: string, scopes: string };

function readProfile(value: unknown, index: number): FileProfile | Said {
  const where = say('fileProfile', index + 1);
  if (!isObject(value)) return say('fileNotObject', where);
  const { name, issuer, clientId, redirectUri, scopes } = picked(REQUIRED, value);
  const label = name?.trim() ? say('fileProfileNamed', index + 1, name) : where;
  const wrong = (field: string, rule: Said) => say('fileField', label, field, rule);
  if (name === undefined) return wrong('name', say('fileRuleText'));
  if (issuer === undefined) return wrong('issuer', say('fileRuleText'));
  if (clientId === undefined) return wrong('clientId', say('fileRuleText'));
  if (redirectUri === undefined) return wrong('redirectUri', say('fileRuleText'));
  if (scopes === undefined) return wrong('scopes', say('fileRuleText'));
  if (!name.trim()) return wrong('name', say('fileRuleEmpty'));
  const { usePkce, prompt } = picked({ usePkce: boolean, prompt: oneOf(PROMPTS) }, value);
  if (usePkce === undefined) return wrong('usePkce', say('fileRuleBoolean'));
  if (prompt === undefined)
    return wrong('prompt', say('fileRuleOneOf', 'login, none, consent, select_account, ""'));
  const ep = value.endpoints;
  // Only the endpoints the tool knows are taken; each is text.
  const endpoints = picked(profileSchema.shape.endpoints.shape, ep);
  const { authorization, token, jwks } = endpoints;
  if (!isObject(ep) || authorization === undefined || token === undefined || jwks === undefined)
    return wrong('endpoints', say('fileRuleEndpoints'));
  // A URL is checked in full when a run starts; a control character is refused at the door.
  const urls: [string, unknown][] = [
    ['issuer', issuer],
    ['redirectUri', redirectUri],
    ...Object.entries(ep).map(([k, v]): [string, unknown] => [`endpoints.${k}`, v]),
  ];
  for (const [field, url] of urls)
    if (typeof url === 'string' && CONTROL_OR_SPACE.test(url)) return wrong(field, say('fileRuleControl'));
  // Every other profile field is held to the profile's own schema (a field added later too), its rule
  // in words where one is written.
  for (const key of PROFILE_FIELDS)
    if (key !== 'endpoints' && key in value && !profileSchema.shape[key].is(value[key]))
      return wrong(key, FIELD_RULES[key]?.() ?? say('fileRuleSchema'));
  // Only profile fields are taken (the profile's own list): whatever else the file carries (a secret,
  // say) is left behind.
  const fields = picked(profileSchema.shape, value);
  const profile: Profile = {
    ...fields,
    ...(fields.clientKey ? { clientKey: publicPart(fields.clientKey) } : {}),
    issuer,
    clientId,
    redirectUri,
    scopes,
    usePkce,
    prompt,
    endpoints: { ...endpoints, authorization, token, jwks },
  };
  return { ...profileSnapshot(profile), name: name.trim() };
}

/** Why `data` is not a version-1 profiles file with profiles in it, or undefined when it is one. */
function fileProblem(data: unknown): Said | undefined {
  if (!isObject(data) || data.format !== FILE_FORMAT)
    return isObject(data) && 'format' in data
      ? say('fileFormat', JSON.stringify(data.format))
      : say('fileNoFormat');
  if (data.version !== 1) return say('fileVersion', JSON.stringify(data.version));
  if (!Array.isArray(data.profiles) || data.profiles.length === 0) return say('fileEmpty');
  return undefined;
}

/** The endpoints that receive a credential (the client secret, a code, a token); JWKS and authorization carry none. */
const CREDENTIAL_ENDPOINTS = ['token', 'userinfo', 'revocation', 'introspection', 'par'] as const;

/** An endpoint of a shared profile on another origin than its issuer: imported only when the person says so. */
export interface Elsewhere {
  profile: string;
  endpoint: (typeof CREDENTIAL_ENDPOINTS)[number];
  origin: string;
}

const originOf = (url: string): string | undefined => {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
};

/** Each credential-carrying endpoint of `profiles` that sits on another origin than the profile's issuer. */
export function elsewhereEndpoints(profiles: FileProfile[]): Elsewhere[] {
  return profiles.flatMap((p) =>
    CREDENTIAL_ENDPOINTS.flatMap((endpoint) => {
      const url = p.endpoints[endpoint];
      const origin = url ? originOf(url) : undefined;
      return origin && origin !== originOf(p.issuer) ? [{ profile: p.name, endpoint, origin }] : [];
    }),
  );
}

/**
 * Adds the profiles of an exported file. A malformed, oversized or foreign file gets one message
 * naming the problem, and the book is left exactly as it was. `ownRedirect` turns another
 * installation's redirect URL into this one's (the platform knows which are); `moved` says whether it did.
 * A file whose credential-carrying endpoints sit on another origin than their issuer adds nothing
 * (`held` names them) unless `anyway`.
 */
export function importProfiles(
  book: ProfileBook,
  text: string,
  newId: () => string,
  ownRedirect: (url: string) => string = (url) => url,
  anyway = false,
): Result<{ book: ProfileBook; added: number; moved: boolean; held?: Elsewhere[] }> {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_IMPORT_BYTES)
    return invalid(say('fileTooBig', Math.ceil(bytes / 1024), MAX_IMPORT_BYTES / 1024));
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return invalid(say('fileNotJson', messageOf(e)));
  }
  const problem = fileProblem(data);
  if (problem) return invalid(problem);
  const listed = picked({ profiles: arrayOf(unknownValue) }, data).profiles ?? [];
  if (book.profiles.length + listed.length > MAX_PROFILES) return invalid(say('fileTooMany', MAX_PROFILES));
  const read: FileProfile[] = [];
  for (const [i, value] of listed.entries()) {
    const profile = readProfile(value, i);
    if ('say' in profile) return invalid(profile);
    read.push(profile);
  }
  // A file can aim a credential at any host: such profiles wait for **Import anyway**.
  const held = elsewhereEndpoints(read);
  if (held.length && !anyway) return ok({ book, added: 0, moved: false, held });
  let next = book;
  let moved = false;
  for (const profile of read) {
    const redirectUri = ownRedirect(profile.redirectUri);
    moved ||= redirectUri !== profile.redirectUri;
    next = {
      ...addProfile(next, { ...profile, redirectUri, id: newId(), rememberSecret: false }),
      activeId: book.activeId,
    };
  }
  return ok({ book: next, added: read.length, moved });
}
