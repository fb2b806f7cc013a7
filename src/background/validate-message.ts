import { CLIENT_AUTH_METHODS, FLOWS, PROMPTS, type Endpoints, type Profile } from '../core/profile.ts';
import type { StoredProfile } from '../core/profile-book.ts';
import type { ProfileEdit, Req, RequestName } from '../messages.ts';
import { ACTION_NAMES } from '../core/view/actions.ts';

type Fields = Record<string, unknown>;

/** A plain object; payloads are read on their own properties only, never inherited ones. */
const isObject = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);
const has = (v: Fields, key: string): boolean => Object.hasOwn(v, key);
const isString = (v: unknown): v is string => typeof v === 'string';
const own = (v: Fields, key: string): unknown => (has(v, key) ? v[key] : undefined);
const ownString = (v: Fields, key: string) => isString(own(v, key));

const optionalString = (v: Fields, key: string) => !has(v, key) || isString(own(v, key));

const isParamRows = (v: unknown): boolean =>
  Array.isArray(v) && v.every((row) => Array.isArray(row) && row.length === 2 && row.every(isString));

function isEndpoints(v: unknown): v is Endpoints {
  return (
    isObject(v) &&
    ['authorization', 'token', 'jwks'].every((k) => ownString(v, k)) &&
    ['userinfo', 'revocation', 'introspection'].every((k) => optionalString(v, k))
  );
}

const isOneOf = (values: readonly unknown[]) => (v: unknown) => values.includes(v);
const optional = (check: (v: unknown) => boolean) => (v: unknown) => v === undefined || check(v);

/**
 * One check per field of `Profile`, keyed by the field: a field added to the type and not checked
 * here does not compile (the checks were a list the compiler could not hold to the type).
 */
const PROFILE_FIELDS: { [K in keyof Required<Profile>]: (v: unknown) => boolean } = {
  issuer: isString,
  clientId: isString,
  redirectUri: isString,
  scopes: isString,
  usePkce: (v) => typeof v === 'boolean',
  prompt: isOneOf(PROMPTS),
  endpoints: isEndpoints,
  clientAuth: optional(isOneOf(CLIENT_AUTH_METHODS)),
  encodeBasic: optional((v) => typeof v === 'boolean'),
  flow: optional(isOneOf(FLOWS)),
  extraAuthorize: optional(isParamRows),
  extraToken: optional(isParamRows),
};

export function isProfile(v: unknown): v is Profile {
  // Read as own properties only: an inherited field is as good as absent.
  return isObject(v) && Object.entries(PROFILE_FIELDS).every(([k, check]) => check(own(v, k)));
}

function isStoredProfile(v: unknown): v is StoredProfile {
  return (
    isProfile(v) &&
    isObject(v) &&
    ownString(v, 'id') &&
    ownString(v, 'name') &&
    typeof own(v, 'rememberSecret') === 'boolean'
  );
}

const ID_ACTIONS: readonly unknown[] = ['new', 'duplicate', 'delete', 'select'];

function isProfileEdit(v: unknown): v is ProfileEdit {
  if (!isObject(v)) return false;
  const action = own(v, 'action');
  if (action === 'update') return isStoredProfile(own(v, 'profile'));
  if (action === 'rename') return ownString(v, 'id') && ownString(v, 'name');
  return ID_ACTIONS.includes(action) && ownString(v, 'id');
}

const isIndex = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0;

function isExchangeRef(v: unknown): boolean {
  return isObject(v) && isIndex(own(v, 'step')) && isIndex(own(v, 'exchange'));
}

/** Checks one payload: every field the request names, each of the right shape, read as own properties. */
type Validators = { [K in RequestName]: (p: unknown) => p is Req<K> };

const withFields =
  <K extends RequestName>(check: (p: Fields) => boolean) =>
  (p: unknown): p is Req<K> =>
    isObject(p) && check(p);
const empty = <K extends RequestName>() => withFields<K>(() => true);

export const validators: Validators = {
  startRun: withFields<'startRun'>(
    (p) => isProfile(own(p, 'profile')) && ownString(p, 'profileName') && ownString(p, 'clientSecret'),
  ),
  checkRuns: empty<'checkRuns'>(),
  loadProfiles: empty<'loadProfiles'>(),
  editProfiles: withFields<'editProfiles'>((p) => isProfileEdit(own(p, 'edit'))),
  setSecret: withFields<'setSecret'>((p) => ownString(p, 'profileId') && ownString(p, 'secret')),
  importProfiles: withFields<'importProfiles'>((p) => ownString(p, 'text')),
  exportProfiles: empty<'exportProfiles'>(),
  deleteRun: withFields<'deleteRun'>((p) => ownString(p, 'runId')),
  clearHistory: empty<'clearHistory'>(),
  forgetSecrets: empty<'forgetSecrets'>(),
  report: withFields<'report'>(
    (p) =>
      ownString(p, 'runId') &&
      (own(p, 'format') === 'markdown' || own(p, 'format') === 'json') &&
      ownString(p, 'browser'),
  ),
  runAction: withFields<'runAction'>(
    (p) =>
      ownString(p, 'runId') &&
      (ACTION_NAMES as readonly unknown[]).includes(own(p, 'action')) &&
      (!has(p, 'token') || own(p, 'token') === 'access_token' || own(p, 'token') === 'refresh_token'),
  ),
  retryRun: withFields<'retryRun'>(
    (p) =>
      ownString(p, 'runId') &&
      (has(p, 'clientAuth')
        ? !has(p, 'encodeBasic') && (CLIENT_AUTH_METHODS as readonly unknown[]).includes(own(p, 'clientAuth'))
        : typeof own(p, 'encodeBasic') === 'boolean'),
  ),
  keepRetrySetting: withFields<'keepRetrySetting'>((p) => ownString(p, 'runId')),
  setPresentation: withFields<'setPresentation'>((p) => typeof own(p, 'on') === 'boolean'),
  curl: withFields<'curl'>((p) => ownString(p, 'runId') && isExchangeRef(own(p, 'exchange'))),
  discover: withFields<'discover'>((p) => ownString(p, 'issuer')),
};

/** A request's name, when `type` is one of ours: `toString`, `__proto__` and friends are not. */
export const isRequestName = (type: unknown): type is RequestName =>
  isString(type) && Object.hasOwn(validators, type);
