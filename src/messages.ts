import type { FlowErrorInfo, Result, Say } from './core/flow-error.ts';
import { messageOf } from './core/view/words.ts';
import type { Said } from './core/i18n/say.ts';
import type { Endpoints } from './core/profile/profile.ts';
import type { ApiCall } from './core/protocol/api-call.ts';
import type { Exchange } from './core/protocol/http.ts';
import type { ProfileBook } from './core/profile/profile-book.ts';
import type { Elsewhere } from './core/profile/profile-file.ts';
import type { Infer } from './core/schema.ts';
import type { Payloads } from './core/message-payloads.ts';
import { sendToWorker } from './platform/runtime.ts';

export type { Result };
export type { ExchangeRef, ProfileEdit } from './core/message-payloads.ts';

/**
 * The contract between the pages and the worker: every request a page may send, with its response.
 * What a request carries is defined once, as a schema (`core/message-payloads.ts`): its type is read
 * off it here and the worker validates with it. The worker receives them through one typed handler
 * table (`background/handlers.ts`).
 */
interface Responses {
  /** Validates, runs discovery, opens the login window; answers before the login completes. */
  startRun: Result<{ runId: string }>;
  /**
   * Asked by the inspector while a run shows as running: a worker that did not start a running run
   * (the browser stopped the one that did) marks it interrupted. Asking also keeps the worker awake.
   */
  checkRuns: void;
  /** Creates the default profiles on first use; the popup reads them from storage after that. */
  loadProfiles: ProfileState;
  /** One change to the profile book; the answer is the book as saved. */
  editProfiles: Result<ProfileState>;
  /** The active profile's secret: storage.session, and storage.local too when it is remembered. */
  setSecret: void;
  /**
   * `ownRedirect`: the file's profiles used another installation's redirect URL, now this one.
   * `held`: nothing added, for endpoints that would carry a credential to another origin than the issuer.
   */
  importProfiles: Result<{ added: number; ownRedirect?: string; held?: Elsewhere[] }>;
  exportProfiles: { text: string };
  deleteRun: void;
  /** Every finished run, in both storage areas. */
  clearHistory: void;
  /** Client secrets (remembered or not), and the tokens and codes of finished runs. */
  forgetSecrets: void;
  /** A redacted report of a run, as Markdown (for a ticket or chat) or JSON (to download). */
  report: Result<{ text: string; fileName: string }>;
  /** Refresh, UserInfo, revoke or introspect with a finished run's tokens; the step lands in the run. */
  runAction: Result<{ status: 'ok' | 'failed'; error?: FlowErrorInfo }>;
  /** The run again with another client authentication setting (after the client's credentials were refused). */
  retryRun: Result<{ runId: string }>;
  /** After a retry succeeded: its setting saved in the profile the run was started from. */
  keepRetrySetting: Result<{ profileName: string }>;
  /** Presentation mode on or off (remembered; every page follows it). */
  setPresentation: void;
  /** A curl command repeating one recorded exchange, secrets as shell variables. */
  curl: Result<{ text: string }>;
  /** A client key's public half as SPKI PEM, for a portal that wants PEM rather than a JWKS. */
  publicKeyPem: Result<string>;
  /** The profile's last API requests, newest first (credential-like header values not kept). */
  recentApiCalls: Result<ApiCall[]>;
  /** A pasted token introspected at a profile's endpoint (Read a token): stored nowhere, the secret scrubbed. */
  introspectToken: Result<{ exchange: Exchange; fields?: Record<string, unknown>; error?: FlowErrorInfo }>;
  /** Reads `{issuer}/.well-known/openid-configuration` for the popup's Endpoints fields. */
  discover: Result<{
    endpoints: Endpoints;
    source: 'discovery' | 'fallback';
    noteSay: Say;
    scopes: string[];
    /** RFC 9126 §5 `require_pushed_authorization_requests`: Use PAR is on and locked. */
    requirePar: boolean;
    /** RFC 9101 §10.5 `require_signed_request_object`: Sign the authorization request is on and locked. */
    requireJar: boolean;
  }>;
}

export type RequestName = keyof Payloads;
export type Req<K extends RequestName> = Infer<Payloads[K]>;
export type Res<K extends RequestName> = Responses[K];
/** Every message has a payload schema and a response, and nothing else: either missing does not compile. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _sameNames: Same<RequestName, keyof Responses> = true;

/** The profile book and the active profile's secret, as the popup shows them. */
export interface ProfileState {
  book: ProfileBook;
  secret: string;
  /** The stored book could not be read: why, in words; it is kept aside (`UNREADABLE_BOOK_KEY`). */
  keptAside?: Said;
}

/** What `send` answers: the worker's Result, or one saying the message was refused or never answered. */
export type Sent<K extends RequestName> = Res<K> extends Result<infer T> ? Result<T> : Result<Res<K>>;

const failureListeners = new Set<(error: FlowErrorInfo) => void>();

/** Every message that failed, fire-and-forget ones included: pages show each in an alert. */
export function onSendFailure(listener: (error: FlowErrorInfo) => void): () => void {
  failureListeners.add(listener);
  return () => failureListeners.delete(listener);
}

const isResult = (v: unknown): v is Result<unknown> =>
  typeof v === 'object' && v !== null && typeof (v as { ok?: unknown }).ok === 'boolean';

/**
 * Sends one request to the worker. It always resolves: to the worker's answer as a Result, or to an
 * error Result when the worker refused the message or could not be reached (a page never stays busy).
 */
export async function send<K extends RequestName>(
  type: K,
  payload: Req<K>,
  /** A background ping (the inspector's watchdog): its failure is answered, not shown. */
  options: { quiet?: boolean } = {},
): Promise<Sent<K>> {
  let answer: unknown;
  try {
    answer = await sendToWorker({ type, payload });
  } catch (e) {
    return failed(type, messageOf(e), options.quiet) as Sent<K>;
  }
  // The worker wraps what it answers; no wrapper means it refused the message.
  if (typeof answer !== 'object' || answer === null || (answer as { answered?: unknown }).answered !== true)
    return failed(type, 'refused', options.quiet) as Sent<K>;
  const value = (answer as { value?: unknown }).value;
  return (isResult(value) ? value : { ok: true, value }) as Sent<K>;
}

function failed(type: RequestName, why: string, quiet = false): { ok: false; error: FlowErrorInfo } {
  const error: FlowErrorInfo = {
    code: 'internal',
    message: `The extension's worker did not answer ${type}: ${why}`,
    say: { id: 'messageFailed', subs: [type, why] },
  };
  if (!quiet) for (const listener of failureListeners) listener(error);
  return { ok: false, error };
}
