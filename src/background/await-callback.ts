import type { FlowErrorInfo } from '../core/flow-error.ts';
import { loginWindowError } from '../core/protocol/login-window.ts';
import { routeFilter } from '../core/protocol/redirect-route.ts';
import type { Run } from '../core/run/run.ts';
import {
  extensionRedirectUrl,
  isOwnRedirect,
  launchLogin,
  loginWindowFailure,
} from '../platform/identity.ts';
import { routeToExtension, stopRouting } from '../platform/net-rules.ts';

export type LoginOutcome = { callbackUrl: string; arrivesAt: string } | { error: FlowErrorInfo };

/**
 * Opens the login window at `authorizeUrl` and waits for the callback. An app's own redirect URI is
 * routed to the extension for this run's callback alone (its state), and only while it is awaited.
 * `arrivesAt` is where the callback must then arrive.
 */
export async function awaitCallback(run: Run, authorizeUrl: string): Promise<LoginOutcome> {
  // The extension's own redirect (in any spelling the browser accepts) is where the window ends by
  // itself; an app's registered one is routed to the extension's, where the callback then arrives.
  const routed = !isOwnRedirect(run.profile.redirectUri);
  const ownRedirect = routed ? extensionRedirectUrl() : run.profile.redirectUri;
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
