import type { JSONWebKeySet } from 'jose';
import type { Exchange, HttpRequest } from './http.ts';

export const jwksRequest = (jwksUri: string): HttpRequest => ({
  method: 'GET',
  url: jwksUri,
  headers: { accept: 'application/json, application/jwk-set+json' },
});

/** RFC 7517 §5: a JSON object whose `keys` is an array; anything else says why it is unusable. */
export function readJwks(exchange: Exchange): JSONWebKeySet | { error: string } {
  const res = exchange.response;
  if (!res) return { error: exchange.failure?.message ?? 'no response' };
  if (res.status < 200 || res.status > 299)
    return { error: `HTTP ${res.status} from ${exchange.request.url}` };
  try {
    const value = JSON.parse(res.body) as unknown;
    if (typeof value === 'object' && value !== null && Array.isArray((value as JSONWebKeySet).keys)) {
      return value as JSONWebKeySet;
    }
    return { error: 'the JWKS has no "keys" array' };
  } catch (e) {
    return { error: `the JWKS is not JSON (${(e as Error).message})` };
  }
}
