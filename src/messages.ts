import type { Endpoints, Profile } from './core/profile.ts';
import { PROMPTS } from './core/profile.ts';
import type { FlowErrorInfo } from './core/flow-error.ts';
import { originPatterns } from './platform/permissions.ts';
import { sendToWorker } from './platform/runtime.ts';

export type Result<T> = { ok: true; value: T } | { ok: false; error: FlowErrorInfo; runId?: string };

/** Every request a page may send to the worker, with its response: one typed definition each. */
export interface Requests {
  /** Validates, runs discovery, opens the login window; answers before the login completes. */
  startRun: { request: { profile: Profile; clientSecret: string }; response: Result<{ runId: string }> };
  /**
   * Asked by the inspector while a run shows as running: a worker that did not start that run (the
   * browser stopped the one that did) marks it interrupted. Asking also keeps the worker awake.
   */
  checkRun: { request: { runId: string }; response: void };
  /** Reads `{issuer}/.well-known/openid-configuration` for the popup's Endpoints fields. */
  discover: {
    request: { issuer: string };
    response: Result<{ endpoints: Endpoints; source: 'discovery' | 'fallback'; note: string }>;
  };
}

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

const validators: { [K in RequestName]: (p: unknown) => p is Requests[K]['request'] } = {
  startRun: (p): p is Requests['startRun']['request'] =>
    isObject(p) && isProfile(p.profile) && isString(p.clientSecret),
  discover: (p): p is Requests['discover']['request'] => isObject(p) && isString(p.issuer),
  checkRun: (p): p is Requests['checkRun']['request'] => isObject(p) && isString(p.runId),
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
