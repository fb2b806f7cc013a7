import {
  ASSERTION_AUDIENCES,
  CLIENT_AUTH_METHODS,
  FLOWS,
  type Endpoints,
  type Profile,
} from './profile/profile.ts';
import type { StoredProfile } from './profile/profile-book.ts';
import type { ClientCredential } from './protocol/client-auth.ts';
import { PROMPTS } from './profile/prompts.ts';
import { ACTION_KINDS } from './run/steps/index.ts';
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
  object({ action: oneOf(['rename'] as const), id: string, name: string }),
  object({ action: oneOf(['update'] as const), profile: storedProfile }),
);
export type ProfileEdit = Infer<typeof profileEdit>;

const exchangeRef = object({ step: index, exchange: index });
/** Which recorded exchange: the run's `step`-th step, its `exchange`-th exchange (`exchanges`). */
export type ExchangeRef = Infer<typeof exchangeRef>;

/** The client's credential (the union of `protocol/client-auth.ts`): a secret, or a key reference. */
const credential: Schema<ClientCredential> = union(
  object({ kind: oneOf(['secret'] as const), secret: string }),
  object({ kind: oneOf(['key'] as const), alg: string, kid: string }),
);

const runId = string;
/** What a retry changes, one of: a method, the Basic credential's encoding, a credential typed in the inspector. */
const retryRun = union(
  object({ runId, clientAuth: oneOf(CLIENT_AUTH_METHODS) }),
  object({ runId, encodeBasic: boolean }),
  object({ runId, assertionAudience: oneOf(ASSERTION_AUDIENCES) }),
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
  }),
  retryRun,
  keepRetrySetting: object({ runId }),
  setPresentation: object({ on: boolean }),
  curl: object({ runId, exchange: exchangeRef }),
  discover: object({ issuer: string }),
};

export type Payloads = typeof PAYLOADS;
