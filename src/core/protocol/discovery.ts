import { authorizationServer, DISCOVERY_FIELDS, type AuthorizationServer } from './authorization-server.ts';
import { failureOf, type Exchange, type HttpRequest } from './http.ts';
import { loopbackUnderRemote, urlProblem } from './url-rules.ts';
import { say, type Said } from '../i18n/say.ts';

/** OpenID Connect Discovery 1.0 §4: the issuer with `/.well-known/openid-configuration` appended. */
export function discoveryRequest(issuer: string): HttpRequest {
  return {
    method: 'GET',
    url: `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`,
    headers: { accept: 'application/json' },
  };
}

export type DiscoveryOutcome =
  | {
      status: 'found';
      metadata: Record<string, unknown>;
      server: AuthorizationServer;
      /** Why some endpoint it publishes cannot be used; such a document is not adopted. */
      problems: Said[];
    }
  | { status: 'unavailable'; reason: Said }
  | { status: 'mismatch'; expected: string; actual: string }
  /** No redirect is followed: the issuer as typed is not where the provider serves its document. */
  | { status: 'redirected'; url: string };

export { DISCOVERY_FIELDS } from './authorization-server.ts';

/** The endpoint fields of a discovery document (Discovery §3) that the tool may call. */
export const ENDPOINT_FIELDS: readonly string[] = Object.values(DISCOVERY_FIELDS);

/**
 * Each published endpoint passes the rules a typed one does: an absolute URL, no fragment, no
 * credentials, and (with `httpsOffLoopback`) https unless on loopback.
 */
export function discoveredEndpointProblems(
  metadata: Record<string, unknown>,
  issuer: string,
  httpsOffLoopback = true,
): Said[] {
  return ENDPOINT_FIELDS.flatMap((field) => {
    const value = metadata[field];
    if (value === undefined) return [];
    if (typeof value !== 'string') return [say('discoveryNotString', field)];
    const problem = urlProblem(say('discoveryField', field), value, {
      required: false,
      httpsOffLoopback,
    });
    if (problem) return [problem];
    return loopbackUnderRemote(value, issuer) ? [say('discoveryLoopback', field, value)] : [];
  });
}

/** The body as a JSON object, or undefined. */
const isFields = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function parsedObject(body: string | undefined): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body ?? '');
    return isFields(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads a discovery exchange. A missing or unreadable document is not an error (BTG Id does not
 * document one); a document for another issuer is (Discovery §4.3: `issuer` must be identical).
 */
export function readDiscovery(exchange: Exchange, issuer: string): DiscoveryOutcome {
  const res = exchange.response;
  if (exchange.failure?.code === 'redirect') return { status: 'redirected', url: exchange.request.url };
  if (!res) return { status: 'unavailable', reason: failureOf(exchange) };
  if (res.status < 200 || res.status > 299)
    return { status: 'unavailable', reason: say('answerHttp', res.status) };
  const doc = parsedObject(res.body);
  if (!doc) return { status: 'unavailable', reason: say('answerNotObject') };
  if (doc.issuer !== issuer)
    return { status: 'mismatch', expected: issuer, actual: JSON.stringify(doc.issuer) };
  return {
    status: 'found',
    metadata: doc,
    server: authorizationServer(doc),
    problems: discoveredEndpointProblems(doc, issuer),
  };
}
