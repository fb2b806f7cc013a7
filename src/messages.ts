import type { FlowErrorInfo, Result, Say } from './core/flow-error.ts';
import type { ActionRequest, RetrySetting } from './core/view/actions.ts';
import type { Endpoints, Profile } from './core/profile.ts';
import type { ProfileBook, StoredProfile } from './core/profile-book.ts';
import { sendToWorker } from './platform/runtime.ts';

export type { Result };

type None = Record<string, never>;

/**
 * The contract between the pages and the worker: every request a page may send, with its response.
 * The worker receives them through one typed handler table (`background/handlers.ts`).
 */
export interface Requests {
  /** Validates, runs discovery, opens the login window; answers before the login completes. */
  startRun: {
    request: { profile: Profile; profileName: string; clientSecret: string };
    response: Result<{ runId: string }>;
  };
  /**
   * Asked by the inspector while a run shows as running: a worker that did not start a running run
   * (the browser stopped the one that did) marks it interrupted. Asking also keeps the worker awake.
   */
  checkRuns: { request: None; response: void };
  /** Creates the default profiles on first use; the popup reads them from storage after that. */
  loadProfiles: { request: None; response: ProfileState };
  /** One change to the profile book; the answer is the book as saved. */
  editProfiles: { request: { edit: ProfileEdit }; response: Result<ProfileState> };
  /** The active profile's secret: storage.session, and storage.local too when it is remembered. */
  setSecret: { request: { profileId: string; secret: string }; response: void };
  importProfiles: { request: { text: string }; response: Result<{ added: number }> };
  exportProfiles: { request: None; response: { text: string } };
  deleteRun: { request: { runId: string }; response: void };
  /** Every finished run, in both storage areas. */
  clearHistory: { request: None; response: void };
  /** Client secrets (remembered or not), and the tokens and codes of finished runs. */
  forgetSecrets: { request: None; response: void };
  /** A redacted report of a run, as Markdown (for a ticket or chat) or JSON (to download). */
  report: {
    request: { runId: string; format: 'markdown' | 'json'; browser: string };
    response: Result<{ text: string; fileName: string }>;
  };
  /** Refresh, UserInfo, revoke or introspect with a finished run's tokens; the step lands in the run. */
  runAction: {
    request: { runId: string } & ActionRequest;
    response: Result<{ status: 'ok' | 'failed'; error?: FlowErrorInfo }>;
  };
  /** The run again with another client authentication setting (after the client's credentials were refused). */
  retryRun: { request: { runId: string } & RetrySetting; response: Result<{ runId: string }> };
  /** After a retry succeeded: its setting saved in the profile the run was started from. */
  keepRetrySetting: { request: { runId: string }; response: Result<{ profileName: string }> };
  /** Presentation mode on or off (remembered; every page follows it). */
  setPresentation: { request: { on: boolean }; response: void };
  /** A curl command repeating one recorded exchange, secrets as shell variables. */
  curl: { request: { runId: string; exchange: ExchangeRef }; response: Result<{ text: string }> };
  /** Reads `{issuer}/.well-known/openid-configuration` for the popup's Endpoints fields. */
  discover: {
    request: { issuer: string };
    response: Result<{
      endpoints: Endpoints;
      source: 'discovery' | 'fallback';
      note: string;
      noteSay?: Say;
      scopes: string[];
    }>;
  };
}

export type RequestName = keyof Requests;
export type Req<K extends RequestName> = Requests[K]['request'];
export type Res<K extends RequestName> = Requests[K]['response'];

/** The profile book and the active profile's secret, as the popup shows them. */
export interface ProfileState {
  book: ProfileBook;
  secret: string;
}

export type ProfileEdit =
  | { action: 'new' | 'duplicate' | 'delete' | 'select'; id: string }
  | { action: 'rename'; id: string; name: string }
  | { action: 'update'; profile: StoredProfile };

/** Which recorded exchange: the run's `step`-th step, its `exchange`-th exchange (`stepExchanges`). */
export interface ExchangeRef {
  step: number;
  exchange: number;
}

export async function send<K extends RequestName>(type: K, payload: Req<K>): Promise<Res<K>> {
  return (await sendToWorker({ type, payload })) as Res<K>;
}
