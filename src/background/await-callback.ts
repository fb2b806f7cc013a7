import type { FlowErrorInfo } from '../core/flow-error.ts';
import { loginWindowError } from '../core/login-window.ts';
import { routeFilter } from '../core/redirect-route.ts';
import type { Run } from '../core/run.ts';
import { extensionRedirectUrl, launchLogin } from '../platform/identity.ts';
import { loginWindowFailure } from '../platform/login-window-words.ts';
import { routeToExtension, stopRouting } from '../platform/net-rules.ts';

export type LoginOutcome = { callbackUrl: string; arrivesAt: string } | { error: FlowErrorInfo };

/**
 * Opens the login window at `authorizeUrl` and waits for the callback. An app's own redirect URI is
 * routed to the extension for this run's callback alone (its state), and only while it is awaited.
 * `arrivesAt` is where the callback must then arrive.
 */
export async function awaitCallback(run: Run, authorizeUrl: string): Promise<LoginOutcome> {
  const ownRedirect = extensionRedirectUrl();
  const routed = run.profile.redirectUri !== ownRedirect;
  const ruleId = routed
    ? await routeToExtension(routeFilter(run.profile.redirectUri, run.flight?.state ?? ''), ownRedirect)
    : undefined;
  try {
    return { callbackUrl: await launchLogin(authorizeUrl), arrivesAt: ownRedirect };
  } catch (e) {
    return { error: loginWindowError(loginWindowFailure((e as Error).message)) };
  } finally {
    if (ruleId !== undefined) await stopRouting(ruleId);
  }
}
