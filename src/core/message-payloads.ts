import {
  ASSERTION_AUDIENCES,
  CLIENT_AUTH_METHODS,
  FLOWS,
  KEY_ALGS,
  type ClientKey,
  type Endpoints,
  type Profile,
} from './profile/profile.ts';
import type { StoredProfile } from './profile/profile-book.ts';
import type { ClientCredential } from './protocol/client-auth.ts';
import { PROMPTS } from './profile/prompts.ts';
import { ACTION_KINDS } from './run/steps/index.ts';
import { apiCallSchema } from './protocol/api-call-schema.ts';
import {
  arrayOf,
  boolean,
  fieldsOf,
  index,
  object,
  oneOf,
  optional,
  pair,
  string,
  textRecord,
  union,
  type Infer,
  type Schema,
} from './schema.ts';

/**
 * What each message a page sends carries, defined once: `messages.ts` reads the types off these
 * schemas and the worker validates every payload with them (`background/receive.ts`).
 */
const noFields = object({});
const paramRows = arrayOf(pair(string, string));

const endpoints = fieldsOf<Endpoints>()({
  authorization: string,
  token: string,
  jwks: string,
  userinfo: optional(string),
  revocation: optional(string),
  introspection: optional(string),
  par: optional(string),
});

/** The private members of a JWK (RFC 7518 §6.2.2, §6.3.2, §6.4): never in a profile. */
export const PRIVATE_JWK_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'] as const;

const clientKey = fieldsOf<ClientKey>()({
  kid: string,
  alg: oneOf(KEY_ALGS),
  jwk: textRecord(PRIVATE_JWK_MEMBERS),
  ref: optional(string),
  source: optional(oneOf(['generated', 'imported'] as const)),
});

export const profileSchema = fieldsOf<Profile>()({
  issuer: string,
  clientId: string,
  redirectUri: string,
  scopes: string,
  usePkce: boolean,
  prompt: oneOf(PROMPTS),
  endpoints,
  clientAuth: optional(oneOf(CLIENT_AUTH_METHODS)),
  encodeBasic: optional(boolean),
  assertionAudience: optional(oneOf(ASSERTION_AUDIENCES)),
  clientKey: optional(clientKey),
  usePar: optional(boolean),
  signRequest: optional(boolean),
  useDpop: optional(boolean),
  fapi2: optional(boolean),
  flow: optional(oneOf(FLOWS)),
  extraAuthorize: optional(paramRows),
  extraToken: optional(paramRows),
});

const storedProfile: Schema<StoredProfile> = fieldsOf<StoredProfile>()({
  ...profileSchema.shape,
  id: string,
  name: string,
  rememberSecret: boolean,
});

const profileEdit = union(
  object({ action: oneOf(['new', 'duplicate', 'delete', 'select'] as const), id: string }),
  object({ action: oneOf(['deleteKey'] as const), id: string }),
  object({ action: oneOf(['rename'] as const), id: string, name: string }),
  object({ action: oneOf(['generateKey'] as const), id: string, alg: oneOf(KEY_ALGS) }),
  object({ action: oneOf(['importKey'] as const), id: string, alg: oneOf(KEY_ALGS), text: string }),
  object({ action: oneOf(['update'] as const), profile: storedProfile }),
);
export type ProfileEdit = Infer<typeof profileEdit>;

const exchangeRef = object({ step: index, exchange: index });
/** Which recorded exchange: the run's `step`-th step, its `exchange`-th exchange (`exchanges`). */
export type ExchangeRef = Infer<typeof exchangeRef>;

/**
 * A credential a page may hand the worker: a secret typed there. A key never comes from a page: the
 * worker takes it from the profile (`clientKey`) and its own key store.
 */
const credential: Schema<Extract<ClientCredential, { kind: 'secret' }>> = object({
  kind: oneOf(['secret'] as const),
  secret: string,
});

const runId = string;
/** What a retry changes, one of: a method, the Basic credential's encoding, a credential typed in the inspector. */
const retryRun = union(
  object({ runId, clientAuth: oneOf(CLIENT_AUTH_METHODS) }),
  object({ runId, encodeBasic: boolean }),
  object({ runId, assertionAudience: oneOf(ASSERTION_AUDIENCES) }),
  object({ runId, usePar: oneOf([true] as const) }),
  object({ runId, credential }),
);

export const PAYLOADS = {
  startRun: object({ profile: profileSchema, profileName: string, credential: optional(credential) }),
  checkRuns: noFields,
  loadProfiles: noFields,
  editProfiles: object({ edit: profileEdit }),
  setSecret: object({ profileId: string, secret: string }),
  importProfiles: object({ text: string, anyway: optional(boolean) }),
  exportProfiles: noFields,
  deleteRun: object({ runId }),
  clearHistory: noFields,
  forgetSecrets: noFields,
  report: object({ runId, format: oneOf(['markdown', 'json'] as const), browser: string }),
  runAction: object({
    runId,
    action: oneOf(ACTION_KINDS),
    token: optional(oneOf(['access_token', 'refresh_token'] as const)),
    call: optional(apiCallSchema),
  }),
  recentApiCalls: object({ profileName: string }),
  introspectToken: object({
    profileId: string,
    token: string,
    hint: oneOf(['access_token', 'refresh_token'] as const),
    secret: optional(string),
  }),
  retryRun,
  keepRetrySetting: object({ runId }),
  setPresentation: object({ on: boolean }),
  curl: object({ runId, exchange: exchangeRef }),
  discover: object({ issuer: string }),
  publicKeyPem: object({ jwk: textRecord(PRIVATE_JWK_MEMBERS), alg: oneOf(KEY_ALGS) }),
};

export type Payloads = typeof PAYLOADS;
