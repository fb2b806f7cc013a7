import { discoveryRequest, readDiscovery } from '../core/protocol/discovery.ts';
import type { Exchange } from '../core/protocol/http.ts';
import { issuerProblem } from '../core/profile/profile.ts';
import { fallbackEndpoints } from '../core/profile/presets.ts';
import type { Res } from '../messages.ts';
import { DISCOVERY_TIMEOUT_MS, type WorkerDeps } from './deps.ts';
import { send } from './transport.ts';
import { say, sayAll, type Said } from '../core/i18n/say.ts';

type DiscoverResponse = Res<'discover'>;

/** Describes a discovery outcome in one line for the popup and the run's discovery step. */
export function discoveryNote(exchange: Exchange, outcome: ReturnType<typeof readDiscovery>): Said {
  switch (outcome.status) {
    case 'found':
      return say('discoveryFound', exchange.request.url);
    case 'unavailable':
      return say('discoveryUnavailable', outcome.reason);
    case 'mismatch':
      return say('discoveryMismatch', outcome.actual, outcome.expected);
    case 'redirected':
      return say('discoveryRedirected', outcome.url);
  }
}

export async function discover(issuer: string, deps: WorkerDeps): Promise<DiscoverResponse> {
  const problem = issuerProblem(issuer);
  if (problem) return { ok: false, error: { code: 'invalid_input', ...problem } };
  const { exchange } = await send(deps, discoveryRequest(issuer), {
    role: 'discovery',
    timeoutMs: DISCOVERY_TIMEOUT_MS,
  });
  const outcome = readDiscovery(exchange, issuer);
  const note = discoveryNote(exchange, outcome);
  if (outcome.status === 'mismatch') {
    return { ok: false, error: { code: 'discovery_issuer_mismatch', ...note, ...outcome } };
  }
  if (outcome.status === 'redirected') return { ok: false, error: { code: 'discovery_invalid', ...note } };
  if (outcome.status === 'found' && outcome.problems.length) {
    return {
      ok: false,
      error: { code: 'discovery_invalid', ...sayAll([say('discoveryUnusableHead'), ...outcome.problems]) },
    };
  }
  return outcome.status === 'found'
    ? {
        ok: true,
        value: {
          endpoints: outcome.server.endpoints,
          source: 'discovery',
          noteSay: note.say,
          scopes: outcome.server.scopesSupported ?? [],
          requirePar: outcome.server.requirePushedAuthorizationRequests,
          requireJar: outcome.server.requireSignedRequestObject,
        },
      }
    : {
        ok: true,
        value: {
          endpoints: fallbackEndpoints(issuer),
          source: 'fallback',
          noteSay: note.say,
          scopes: [],
          requirePar: false,
          requireJar: false,
        },
      };
}
