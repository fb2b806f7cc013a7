import type { JSONWebKeySet } from 'jose';
import { failureOf, type Exchange, type HttpRequest } from './http.ts';
import { say, type Said } from '../i18n/say.ts';

export const jwksRequest = (jwksUri: string): HttpRequest => ({
  method: 'GET',
  url: jwksUri,
  headers: { accept: 'application/json, application/jwk-set+json' },
});

/** RFC 7517 §5: a JSON object whose `keys` is an array; anything else says why it is unusable. */
export function readJwks(exchange: Exchange): JSONWebKeySet | { error: Said } {
  const res = exchange.response;
  if (!res) return { error: failureOf(exchange) };
  if (res.status < 200 || res.status > 299)
    return { error: say('jwksHttp', res.status, exchange.request.url) };
  try {
    const value = JSON.parse(res.body) as unknown;
    if (typeof value === 'object' && value !== null && Array.isArray((value as JSONWebKeySet).keys)) {
      return value as JSONWebKeySet;
    }
    return { error: say('jwksNoKeys') };
  } catch (e) {
    return { error: say('jwksNotJson', (e as Error).message) };
  }
}
