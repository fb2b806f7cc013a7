import type { Check } from '../../core/checks/check.ts';
import type { ClientCredentials } from '../../core/protocol/client-auth.ts';
import type { Run, StepOf, TokenHint } from '../../core/run/run.ts';
import type { ActionKind } from '../../core/run/steps/index.ts';
import type { WorkerDeps } from '../deps.ts';
import type { ApiCall } from '../../core/protocol/api-call.ts';

/** What every action works with: the run, the endpoint and token it calls with, and the client. */
export interface ActionContext {
  run: Run;
  endpoint: string;
  token: string;
  /** Which token `token` is (RFC 7009 / RFC 7662 `token_type_hint`). */
  hint: TokenHint;
  client: ClientCredentials;
  deps: WorkerDeps;
  /** An API call's request as the person wrote it (its URL is `endpoint`). */
  call?: ApiCall;
}

export interface Performed<K extends ActionKind> {
  /** The step settled: its exchanges (own request first), checks and outcome. */
  step: StepOf<K>;
  /** Tokens it brought, recorded as secrets before anything is saved. */
  secrets?: Partial<Record<'access_token' | 'id_token' | 'refresh_token', string>>;
}

/** Performs one action kind: one file per kind in this folder, one entry in `PERFORMERS`. */
export type Performer<K extends ActionKind> = (context: ActionContext) => Promise<Performed<K>>;

export const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

/** An action's checks carry its step's name, so they group under it and never read as the login's. */
export const under = (prefix: string, checks: Check[]) =>
  checks.map((c) => ({ ...c, id: `${prefix}.${c.id}` }));

/** The fields every settled step has. */
export const settled = (error: unknown, deps: WorkerDeps) =>
  ({ status: error ? 'failed' : 'ok', at: deps.now(), checkedAt: deps.now() }) as const;
