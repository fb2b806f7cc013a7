import { messageOf } from '../core/flow-error.ts';
import type { FlowErrorInfo } from '../core/flow-error.ts';
import type { Exchange } from '../core/protocol/http.ts';
import {
  loginWindowError,
  providerVerdict,
  rereadAfter,
  rereadRequest,
} from '../core/protocol/login-window.ts';
import { routeFilter } from '../core/protocol/redirect-route.ts';
import type { Run } from '../core/run/run.ts';
import { granted, type WorkerDeps } from './deps.ts';
import { sayHint } from '../core/i18n/say.ts';
import { send } from './transport.ts';

export type LoginOutcome =
  { callbackUrl: string; arrivesAt: string } | { error: FlowErrorInfo; exchanges: Exchange[] };

/**
 * Opens the login window at `authorizeUrl` and waits for the callback. An app's own redirect URI is
 * routed to the extension for this run's callback alone (its state), and only while it is awaited.
 * `arrivesAt` is where the callback must then arrive.
 */
export async function awaitCallback(run: Run, authorizeUrl: string, deps: WorkerDeps): Promise<LoginOutcome> {
  // The extension's own redirect (in any spelling the browser accepts) is where the window ends by
  // itself; an app's registered one is routed to the extension's, where the callback then arrives.
  const { identity, routing } = deps.platform;
  const routed = !identity.isOwnRedirect(run.profile.redirectUri);
  const ownRedirect = routed ? identity.redirectUrl() : run.profile.redirectUri;
  const ruleId = routed
    ? await routing.route(routeFilter(run.profile.redirectUri, run.flight?.state ?? ''), ownRedirect)
    : undefined;
  let failure;
  try {
    return { callbackUrl: await identity.launchLogin(authorizeUrl), arrivesAt: ownRedirect };
  } catch (e) {
    failure = identity.failure(messageOf(e));
  } finally {
    if (ruleId !== undefined) await routing.stop(ruleId);
  }
  // A pushed request's `request_uri` is single-use (RFC 9126 §4): never spent again by the worker.
  const pushed = run.steps.some((s) => s.kind === 'par');
  const exchanges = rereadAfter(failure.kind) && !pushed ? await readAgain(authorizeUrl, deps) : [];
  const reread = exchanges.find((ex) => ex.role === 'authorize-reread');
  const verdict = reread ? providerVerdict(reread) : undefined;
  const { redirectUri, clientId, issuer } = run.profile;
  const error = loginWindowError(failure, verdict, { redirectUri, clientId, issuer });
  // RFC 9126 §4: a pushed request's request_uri is single-use, and Firefox requests the URL twice.
  const spentTwice = pushed && identity.loadsLoginUrlTwice;
  return { error: spentTwice ? { ...error, ...sayHint('hintParLoadedTwice') } : error, exchanges };
}

/**
 * Chromium closes the login window on the provider's error status, so the person never saw why: the
 * same request once more, without cookies or redirects, and only to an origin the person granted.
 */
async function readAgain(authorizeUrl: string, deps: WorkerDeps): Promise<Exchange[]> {
  if (!(await granted(deps, authorizeUrl))) return [];
  return (await send(deps, rereadRequest(authorizeUrl), { role: 'authorize-reread' })).exchanges;
}
