import type { AuthorizeStep } from './authorize.ts';
import type { CallbackStep } from './callback.ts';
import type { DiscoveryStep } from './discovery.ts';
import type { IntrospectionStep } from './introspection.ts';
import type { JwksStep } from './jwks.ts';
import type { ParStep } from './par.ts';
import type { RefreshStep } from './refresh.ts';
import type { RevocationStep } from './revocation.ts';
import type { MessageId } from '../../i18n/words.ts';
import { ROLE_NAMES, type ActionDef, type StepDef } from './step.ts';
import type { Exchange } from '../../protocol/http.ts';
import type { TokenStep } from './token.ts';
import type { UserinfoStep } from './userinfo.ts';
import type { ValidationStep } from './validation.ts';
import type { ApiStep } from './api.ts';
import { api } from './api.ts';
import { authorize } from './authorize.ts';
import { callback } from './callback.ts';
import { discovery } from './discovery.ts';
import { introspection } from './introspection.ts';
import { jwks } from './jwks.ts';
import { par } from './par.ts';
import { refresh } from './refresh.ts';
import { revocation } from './revocation.ts';
import { token } from './token.ts';
import { userinfo } from './userinfo.ts';
import { validation } from './validation.ts';

/** A step kind is one file in this folder, one member here and one entry in `STEPS`. */
export type Step =
  | DiscoveryStep
  | ParStep
  | AuthorizeStep
  | CallbackStep
  | TokenStep
  | ValidationStep
  | RefreshStep
  | UserinfoStep
  | IntrospectionStep
  | RevocationStep
  | ApiStep
  | JwksStep;

export type StepKind = Step['kind'];
export type StepOf<K extends StepKind> = Extract<Step, { kind: K }>;

/** Each step kind's entry, in the order of a run: a kind without one does not compile. */
export const STEPS = {
  discovery,
  par,
  authorize,
  callback,
  token,
  validation,
  refresh,
  userinfo,
  introspection,
  revocation,
  api,
  jwks,
} satisfies { [K in StepKind]: StepDef<StepOf<K>> };

/** The kinds that are actions on a finished run's tokens (their entry has `action`). */
export type ActionKind = {
  [K in StepKind]: (typeof STEPS)[K] extends { action: ActionDef } ? K : never;
}[StepKind];

// Marked pure: a bundle that never reads the registry (the HAR worker, the popup) leaves it out.
export const ACTION_KINDS = /* @__PURE__ */ (Object.keys(STEPS) as StepKind[]).filter(
  (k): k is ActionKind => 'action' in STEPS[k],
);

/** A kind's entry, or undefined for a kind stored by a newer version. */
export const stepDef = <K extends StepKind>(kind: K): StepDef<StepOf<K>> | undefined =>
  Object.hasOwn(STEPS, kind) ? (STEPS[kind] as StepDef<StepOf<K>>) : undefined;

/** Every check group, in the order of a run's steps. */
export const CHECK_GROUPS: readonly (readonly [prefix: string, caption: MessageId])[] =
  /* @__PURE__ */ Object.values(STEPS as Record<StepKind, StepDef<Step>>).flatMap((def) => def.checkGroups);

/** An action kind's entry for its action: endpoint, token, buttons. */
export const actionDef = (kind: ActionKind): ActionDef => STEPS[kind].action;

/**
 * A step's own request as answered: the last exchange in its kind's own role (or the one-time retry
 * the transport made of it, `nonce-retry`); undefined for kinds that make none.
 */
export function ownExchange(step: Step): Exchange | undefined {
  const role = stepDef(step.kind)?.own?.role;
  return role ? step.exchanges.findLast((ex) => ex.role === role || ex.role === 'nonce-retry') : undefined;
}

/** An exchange's name ("Token", "JWKS again"), which names its controls: its step's own name, else its role's. */
export function exchangeName(step: Step, exchange: Exchange): MessageId | undefined {
  const own = stepDef(step.kind)?.own;
  return own && exchange.role === own.role ? own.name : ROLE_NAMES[exchange.role];
}
