import { discoveryRequest, readDiscovery } from '../core/discovery.ts';
import type { Exchange } from '../core/http.ts';
import { performExchange } from '../core/http.ts';
import { fallbackEndpoints, issuerProblem } from '../core/profile.ts';
import type { Res } from '../messages.ts';
import { discoveryHttp, type WorkerDeps } from './deps.ts';

type DiscoverResponse = Res<'discover'>;

/** Describes a discovery outcome in one line for the popup and the run's discovery step. */
export function discoveryNote(exchange: Exchange, outcome: ReturnType<typeof readDiscovery>): string {
  switch (outcome.status) {
    case 'found':
      return `Endpoints read from ${exchange.request.url}.`;
    case 'unavailable':
      return `No discovery document (${outcome.reason}); using BTG Id's documented paths.`;
    case 'mismatch':
      return `The discovery document is for issuer ${outcome.actual}, not ${outcome.expected}.`;
  }
}

const publishedScopes = (metadata: Record<string, unknown>): string[] =>
  Array.isArray(metadata.scopes_supported)
    ? metadata.scopes_supported.filter((s): s is string => typeof s === 'string')
    : [];

export async function discover(issuer: string, deps: WorkerDeps): Promise<DiscoverResponse> {
  const problem = issuerProblem(issuer);
  if (problem) return { ok: false, error: { code: 'invalid_input', message: problem } };
  const exchange = await performExchange(discoveryRequest(issuer), discoveryHttp(deps));
  const outcome = readDiscovery(exchange, issuer);
  const note = discoveryNote(exchange, outcome);
  if (outcome.status === 'mismatch') {
    return { ok: false, error: { code: 'discovery_issuer_mismatch', message: note, ...outcome } };
  }
  if (outcome.status === 'found' && outcome.problems.length) {
    const message = `The discovery document cannot be used: ${outcome.problems.join(' ')}`;
    return { ok: false, error: { code: 'discovery_invalid', message } };
  }
  return outcome.status === 'found'
    ? {
        ok: true,
        value: {
          endpoints: outcome.endpoints,
          source: 'discovery',
          note,
          scopes: publishedScopes(outcome.metadata),
        },
      }
    : { ok: true, value: { endpoints: fallbackEndpoints(issuer), source: 'fallback', note, scopes: [] } };
}
