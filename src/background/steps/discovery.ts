import { discoveryChecks } from '../../core/checks/discovery-checks.ts';
import { discoveryRequest, parsedObject, readDiscovery } from '../../core/protocol/discovery.ts';
import type { FlowErrorInfo } from '../../core/flow-error.ts';
import type { Endpoints } from '../../core/profile/profile.ts';
import { fallbackEndpoints } from '../../core/profile/presets.ts';
import { DISCOVERY_TIMEOUT_MS } from '../deps.ts';
import { send } from '../transport.ts';
import type { RunWriter } from '../flows/runner.ts';
import { discoveryNote } from '../discover.ts';
import { say, sayAll } from '../../core/i18n/say.ts';

/**
 * The run's discovery step. Endpoints left at BTG Id's documented paths give way to what the
 * provider publishes, once those pass the rules typed ones do; a document for another issuer, or
 * one whose endpoints would be adopted but are unusable, stops the run here: the error is answered.
 */
export async function discovery(w: RunWriter): Promise<FlowErrorInfo | undefined> {
  const { deps } = w;
  const { issuer } = w.run.profile;
  // The rule that strips Origin from our requests is set when the worker starts (background/index.ts).
  const { exchange } = await send(deps, discoveryRequest(issuer), {
    role: 'discovery',
    timeoutMs: DISCOVERY_TIMEOUT_MS,
  });
  const outcome = readDiscovery(exchange, issuer);
  const note = discoveryNote(exchange, outcome);
  const metadata = outcome.status === 'found' ? outcome.metadata : undefined;
  const document = outcome.status === 'mismatch' ? parsedObject(exchange.response?.body) : metadata;
  const step = {
    kind: 'discovery' as const,
    at: deps.now(),
    exchanges: [exchange],
    noteSay: note.say,
    ...(metadata ? { metadata } : {}),
    checks: discoveryChecks(document, issuer),
    checkedAt: deps.now(),
  };
  const { authorization, token, jwks } = w.run.profile.endpoints;
  const untouched =
    JSON.stringify({ authorization, token, jwks }) === JSON.stringify(fallbackEndpoints(issuer));
  const error: FlowErrorInfo | undefined =
    outcome.status === 'mismatch'
      ? { code: 'discovery_issuer_mismatch', ...note, ...outcome }
      : outcome.status === 'redirected'
        ? { code: 'discovery_invalid', ...note }
        : outcome.status === 'found' && untouched && outcome.problems.length
          ? { code: 'discovery_invalid', ...sayAll([say('discoveryUnusableHead'), ...outcome.problems]) }
          : undefined;
  if (error) {
    w.append({ ...step, status: 'failed', error });
    return error;
  }
  w.append({ ...step, status: 'ok' });
  if (!untouched || outcome.status !== 'found') return undefined;
  const fallback = fallbackEndpoints(issuer);
  const endpoints: Endpoints = {
    ...outcome.server.endpoints,
    authorization: outcome.server.endpoints.authorization || fallback.authorization,
    token: outcome.server.endpoints.token || fallback.token,
  };
  w.update((run) => ({ ...run, profile: { ...run.profile, endpoints } }));
  return undefined;
}
