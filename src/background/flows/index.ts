import type { Flow } from '../../core/profile/profile.ts';
import type { ClientCredential } from '../../core/protocol/client-auth.ts';
import { authorizationCode } from './authorization-code.ts';
import { clientCredentials } from './client-credentials.ts';
import type { RunWriter } from './runner.ts';

/**
 * A flow composes steps on a run that has passed discovery; it answers the popup once the run is
 * under way (the login window about to open, or the token request sent) and goes on by itself.
 */
export type FlowStart = (w: RunWriter, credential: ClientCredential | undefined) => Promise<void>;

/** The worker's side of a flow (design.md: the flow registry; `core/view/flows.ts` holds what it shows). */
export interface FlowDef {
  start: FlowStart;
  /**
   * Picks up a run of this flow that a stopped worker left running (on worker start, and on the
   * inspector's check for orphans), from what the run recorded; called once per run at a time.
   * A flow without one (a login, whose answer went to the stopped worker) is ended as interrupted.
   */
  resume?: (w: RunWriter) => Promise<void>;
}

/** Each flow a profile can name: a flow without one here does not compile. */
export const FLOWS: Record<Flow, FlowDef> = {
  authorization_code: { start: authorizationCode },
  client_credentials: { start: clientCredentials },
};
