import { discoveryChecks } from '../core/checks/discovery-checks.ts';
import { discoveryRequest, parsedObject, readDiscovery } from '../core/protocol/discovery.ts';
import type { FlowErrorInfo } from '../core/flow-error.ts';
import { performExchange } from '../core/protocol/http.ts';
import type { Endpoints } from '../core/profile/profile.ts';
import { fallbackEndpoints } from '../core/profile/presets.ts';
import { appendStep, type Run } from '../core/run/run.ts';
import { stripOriginFromOwnRequests } from '../platform/net-rules.ts';
import { discoveryHttp, type WorkerDeps } from './deps.ts';
import { discoveryNote } from './discover.ts';
import { say, sayAll } from '../core/i18n/say.ts';

export interface DiscoveredRun {
  run: Run;
  /** Set when the run cannot go on: the discovery step failed with it. */
  error?: FlowErrorInfo;
}

/**
 * The run's discovery step. Endpoints left at BTG Id's documented paths give way to what the
 * provider publishes, once those pass the rules typed ones do; a document for another issuer, or
 * one whose endpoints would be adopted but are unusable, stops the run here.
 */
export async function discoverForRun(started: Run, deps: WorkerDeps): Promise<DiscoveredRun> {
  const { issuer } = started.profile;
  // The Origin rule is set now, off the path between the callback and the token request.
  const [exchange] = await Promise.all([
    performExchange(discoveryRequest(issuer), discoveryHttp(deps)),
    stripOriginFromOwnRequests(),
  ]);
  const outcome = readDiscovery(exchange, issuer);
  const note = discoveryNote(exchange, outcome);
  const metadata = outcome.status === 'found' ? outcome.metadata : undefined;
  const document = outcome.status === 'mismatch' ? parsedObject(exchange.response?.body) : metadata;
  const step = {
    kind: 'discovery' as const,
    at: deps.now(),
    exchanges: [exchange],
    note: note.message,
    noteSay: note.say,
    ...(metadata ? { metadata } : {}),
    checks: discoveryChecks(document, issuer),
    checkedAt: deps.now(),
  };
  const { authorization, token, jwks } = started.profile.endpoints;
  const untouched =
    JSON.stringify({ authorization, token, jwks }) === JSON.stringify(fallbackEndpoints(issuer));
  const error: FlowErrorInfo | undefined =
    outcome.status === 'mismatch'
      ? { code: 'discovery_issuer_mismatch', ...note, ...outcome }
      : outcome.status === 'found' && untouched && outcome.problems.length
        ? { code: 'discovery_invalid', ...sayAll([say('discoveryUnusableHead'), ...outcome.problems]) }
        : undefined;
  if (error) return { run: appendStep(started, { ...step, status: 'failed', error }), error };
  const run = appendStep(started, { ...step, status: 'ok' });
  if (!untouched || outcome.status !== 'found') return { run };
  const fallback = fallbackEndpoints(issuer);
  const endpoints: Endpoints = {
    ...outcome.endpoints,
    authorization: outcome.endpoints.authorization || fallback.authorization,
    token: outcome.endpoints.token || fallback.token,
  };
  return { run: { ...run, profile: { ...run.profile, endpoints } } };
}
