import type { Check } from '../../checks/check.ts';
import type { FlowErrorInfo } from '../../flow-error.ts';
import type { Exchange } from '../../protocol/http.ts';
import type { Endpoints } from '../../profile/profile.ts';
import type { MessageId, Words } from '../../view/words.ts';
import type { Run } from '../run.ts';
import type { Arrow } from './arrows.ts';

export type StepStatus = 'running' | 'ok' | 'failed';

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
export type ActionEndpoint = Exclude<keyof Endpoints, 'authorization'>;

/** A step that is an action on a finished run's tokens, offered as buttons in the inspector. */
export interface ActionDef {
  endpoint: ActionEndpoint;
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
  /** The name of its `i`-th exchange, which names that exchange's controls ("Copy as curl: …"). */
  exchangeName: (step: S, i: number) => MessageId;
  /** Its arrows in the sequence diagram; `index` is its place in the run. */
  arrows: (step: S, index: number, run: Run, w: Words) => Arrow[];
  /** Its section of the Markdown report. */
  report: (step: S, w: Words) => string[];
  /** Whether its answers may hand out credentials: an answer we cannot read then never leaves the session. */
  answersCredentials: boolean;
  /** Its own answer is token-shaped (token, refresh): every string but a public field's is a secret. */
  answersTokens?: true;
  action?: ActionDef;
}

/** A step's own request (the first of its exchanges), for the kinds that make one. */
export const ownExchange = (step: StepBase): Exchange | undefined => step.exchanges[0];

/** The JWKS fetches after a step's own request are named "JWKS", then "JWKS again". */
export const jwksName = (nth: number): MessageId => (nth > 0 ? 'exchangeJwksAgain' : 'exchangeJwks');
