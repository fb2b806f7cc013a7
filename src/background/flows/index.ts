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

/** Each flow a profile can name: a flow without one here does not compile. */
export const FLOWS: Record<Flow, FlowStart> = {
  authorization_code: authorizationCode,
  client_credentials: clientCredentials,
};
