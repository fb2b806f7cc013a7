import type { Endpoints, Profile } from './core/profile.ts';
import { PROMPTS } from './core/profile.ts';
import type { FlowErrorInfo } from './core/flow-error.ts';
import type { ProfileBook, StoredProfile } from './core/profiles.ts';
import { originPatterns } from './platform/permissions.ts';
import { sendToWorker } from './platform/runtime.ts';

export type Result<T> = { ok: true; value: T } | { ok: false; error: FlowErrorInfo; runId?: string };

/** Every request a page may send to the worker, with its response: one typed definition each. */
export interface Requests {
  /** Validates, runs discovery, opens the login window; answers before the login completes. */
  startRun: {
    request: { profile: Profile; profileName: string; clientSecret: string };
    response: Result<{ runId: string }>;
  };
  /**
   * Asked by the inspector while a run shows as running: a worker that did not start that run (the
   * browser stopped the one that did) marks it interrupted. Asking also keeps the worker awake.
   */
  checkRun: { request: { runId: string }; response: void };
  /** Creates the default profiles on first use; the popup reads them from storage after that. */
  loadProfiles: { request: Record<string, never>; response: { book: ProfileBook; secret: string } };
  /** One change to the profile book; the answer is the book as saved. */
  editProfiles: { request: { edit: ProfileEdit }; response: Result<{ book: ProfileBook; secret: string }> };
  /** The active profile's secret: storage.session, and storage.local too when it is remembered. */
  setSecret: { request: { profileId: string; secret: string }; response: void };
  importProfiles: { request: { text: string }; response: Result<{ added: number }> };
  exportProfiles: { request: Record<string, never>; response: { text: string } };
  deleteRun: { request: { runId: string }; response: void };
  /** Every finished run, in both storage areas. */
  clearHistory: { request: Record<string, never>; response: void };
  /** Client secrets (remembered or not), and the tokens and codes of finished runs. */
  forgetSecrets: { request: Record<string, never>; response: void };
  /** A redacted report of a run, as Markdown (for a ticket or chat) or JSON (to download). */
  report: {
    request: { runId: string; format: 'markdown' | 'json'; browser: string };
    response: Result<{ text: string; fileName: string }>;
  };
  /** A curl command repeating one recorded exchange, secrets as shell variables. */
  curl: { request: { runId: string; exchange: ExchangeRef }; response: Result<{ text: string }> };
  /** Reads `{issuer}/.well-known/openid-configuration` for the popup's Endpoints fields. */
  discover: {
    request: { issuer: string };
    response: Result<{ endpoints: Endpoints; source: 'discovery' | 'fallback'; note: string }>;
  };
}

export type ProfileEdit =
  | { action: 'new' | 'duplicate' | 'delete' | 'select'; id: string }
  | { action: 'rename'; id: string; name: string }
  | { action: 'update'; profile: StoredProfile };

/** Which recorded exchange: the token request, discovery, or the n-th JWKS fetch. */
export type ExchangeRef = { step: 'discovery' | 'token' } | { step: 'jwks'; index: number };

export type RequestName = keyof Requests;

export interface Envelope<K extends RequestName = RequestName> {
  type: K;
  payload: Requests[K]['request'];
}

export async function send<K extends RequestName>(
  type: K,
  payload: Requests[K]['request'],
): Promise<Requests[K]['response']> {
  return (await sendToWorker({ type, payload })) as Requests[K]['response'];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isString = (v: unknown): v is string => typeof v === 'string';

function isEndpoints(v: unknown): v is Endpoints {
  return isObject(v) && isString(v.authorization) && isString(v.token) && isString(v.jwks);
}

export function isProfile(v: unknown): v is Profile {
  return (
    isObject(v) &&
    isString(v.issuer) &&
    isString(v.clientId) &&
    isString(v.redirectUri) &&
    isString(v.scopes) &&
    typeof v.usePkce === 'boolean' &&
    (PROMPTS as readonly unknown[]).includes(v.prompt) &&
    isEndpoints(v.endpoints)
  );
}

function isProfileEdit(v: unknown): v is ProfileEdit {
  if (!isObject(v)) return false;
  if (v.action === 'update') {
    const p = v.profile;
    return (
      isProfile(p) &&
      isObject(p) &&
      isString(p.id) &&
      isString(p.name) &&
      typeof p.rememberSecret === 'boolean'
    );
  }
  if (v.action === 'rename') return isString(v.id) && isString(v.name);
  return ['new', 'duplicate', 'delete', 'select'].includes(v.action as string) && isString(v.id);
}

const validators: { [K in RequestName]: (p: unknown) => p is Requests[K]['request'] } = {
  startRun: (p): p is Requests['startRun']['request'] =>
    isObject(p) && isProfile(p.profile) && isString(p.profileName) && isString(p.clientSecret),
  loadProfiles: (p): p is Requests['loadProfiles']['request'] => isObject(p),
  editProfiles: (p): p is Requests['editProfiles']['request'] => isObject(p) && isProfileEdit(p.edit),
  setSecret: (p): p is Requests['setSecret']['request'] =>
    isObject(p) && isString(p.profileId) && isString(p.secret),
  importProfiles: (p): p is Requests['importProfiles']['request'] => isObject(p) && isString(p.text),
  exportProfiles: (p): p is Requests['exportProfiles']['request'] => isObject(p),
  discover: (p): p is Requests['discover']['request'] => isObject(p) && isString(p.issuer),
  checkRun: (p): p is Requests['checkRun']['request'] => isObject(p) && isString(p.runId),
  deleteRun: (p): p is Requests['deleteRun']['request'] => isObject(p) && isString(p.runId),
  clearHistory: (p): p is Requests['clearHistory']['request'] => isObject(p),
  forgetSecrets: (p): p is Requests['forgetSecrets']['request'] => isObject(p),
  report: (p): p is Requests['report']['request'] =>
    isObject(p) &&
    isString(p.runId) &&
    (p.format === 'markdown' || p.format === 'json') &&
    isString(p.browser),
  curl: (p): p is Requests['curl']['request'] =>
    isObject(p) &&
    isString(p.runId) &&
    isObject(p.exchange) &&
    (p.exchange.step === 'discovery' ||
      p.exchange.step === 'token' ||
      (p.exchange.step === 'jwks' && typeof p.exchange.index === 'number')),
};

/** The envelope when `message` is a well-formed request, else undefined (the worker then ignores it). */
export function parseEnvelope(message: unknown): Envelope | undefined {
  if (!isObject(message) || !isString(message.type) || !(message.type in validators)) return undefined;
  const type = message.type as RequestName;
  return validators[type](message.payload) ? { type, payload: message.payload } : undefined;
}

/**
 * The origins the extension needs host access to: those the worker fetches from, and an app's own
 * redirect URI, which a network rule routes back to the extension. The login page itself needs none.
 */
export function providerOrigins(profile: Profile): string[] {
  const routedRedirect = /\.chromiumapp\.org$/.test(hostOf(profile.redirectUri)) ? [] : [profile.redirectUri];
  return originPatterns([profile.issuer, profile.endpoints.token, profile.endpoints.jwks, ...routedRedirect]);
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
