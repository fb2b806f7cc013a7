import type { Check } from '../../checks/check.ts';
import type { FlowErrorInfo } from '../../flow-error.ts';
import type { Exchange, ExchangeRole } from '../../protocol/http.ts';
import type { Endpoints } from '../../profile/profile.ts';
import type { MessageId, Words } from '../../i18n/words.ts';
import type { Arrow } from './arrows.ts';

export type StepStatus = 'running' | 'ok' | 'failed';

/** A run as a step's arrows read it: its steps (a `Run` is one; named here so no circle runs through `run.ts`). */
export interface RunSteps {
  steps: readonly (StepBase & { kind: string })[];
}

export interface StepBase {
  status: StepStatus;
  at: number;
  error?: FlowErrorInfo;
  /** Every HTTP exchange the step made, in order: its own request first where it has one, then JWKS fetches. */
  exchanges: Exchange[];
  /** Evaluated once, when the step completed, at `checkedAt`: a reopened run keeps its verdict. */
  checks?: Check[];
  checkedAt?: number;
}

/** Which of the current tokens an action is about (RFC 7009 / RFC 7662 `token_type_hint`). */
export type TokenHint = 'access_token' | 'refresh_token';

/** An endpoint an action calls. */
export type ActionEndpoint = Exclude<keyof Endpoints, 'authorization' | 'par'>;

/** A step that is an action on a finished run's tokens, offered as buttons in the inspector. */
export interface ActionDef {
  /** The profile's endpoint it calls; none for a call to a URL the person typed (an API). */
  endpoint?: ActionEndpoint;
  /** The token it always sends (null: none); when unset, the one its button names (access token by default). */
  sends?: TokenHint | null;
  /** Its buttons: the label, and the token it sends when the action takes a `token_type_hint`. */
  buttons: readonly (readonly [label: MessageId, token?: TokenHint])[];
}

/**
 * Everything the rest of the product knows about a step kind, in one entry of `STEPS`
 * (design.md: a step kind is a registry entry in each layer).
 */
export interface StepDef<S extends StepBase & { kind: string }> {
  /** The step's name: the run page's list of steps, "failed at", the history. */
  title: MessageId;
  /** Its checks, grouped by id prefix, each group a table under its caption; in registry order. */
  checkGroups: readonly (readonly [prefix: string, caption: MessageId])[];
  /**
   * Its own request's role, and the name of that exchange ("Copy as curl: Token"); the step's other
   * exchanges (JWKS fetches, a retry) are named by their role (`ROLE_NAMES`).
   */
  own?: { role: ExchangeRole; name: MessageId };
  /** Its arrows in the sequence diagram; `index` is its place in the run. */
  arrows: (step: S, index: number, run: RunSteps, w: Words) => Arrow[];
  /** Its section of the Markdown report. */
  report: (step: S, w: Words) => string[];
  /** Whether its answers may hand out credentials: an answer we cannot read then never leaves the session. */
  answersCredentials: boolean;
  /** Its own answer is token-shaped (token, refresh): every string but a public field's is a secret. */
  answersTokens?: true;
  action?: ActionDef;
}

/** Each exchange's name by its role, where its step does not name it (its own request). */
export const ROLE_NAMES: Record<ExchangeRole, MessageId> = {
  discovery: 'stepDiscovery',
  jwks: 'exchangeJwks',
  'jwks-again': 'exchangeJwksAgain',
  'authorize-reread': 'exchangeAuthorizeReread',
  par: 'exchangePar',
  token: 'exchangeToken',
  'nonce-retry': 'exchangeNonceRetry',
  userinfo: 'stepUserinfo',
  introspection: 'stepIntrospection',
  revocation: 'stepRevocation',
  'device-authorization': 'exchangeDeviceAuthorization',
  'device-poll': 'exchangeDevicePoll',
  api: 'exchangeApi',
};
