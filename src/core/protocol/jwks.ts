import { messageOf } from '../flow-error.ts';
import type { JSONWebKeySet } from 'jose';
import { failureOf, type Exchange, type HttpRequest } from './http.ts';
import { say, type Said } from '../i18n/say.ts';

export const jwksRequest = (jwksUri: string): HttpRequest => ({
  method: 'GET',
  url: jwksUri,
  headers: { accept: 'application/json, application/jwk-set+json' },
});

/** RFC 7517 §5: a JSON object whose `keys` is an array; anything else says why it is unusable. */
/** A JWK Set whose keys are read as objects (each member checked where it is used). */
export type KeySet = JSONWebKeySet & { keys: Record<string, unknown>[] };

/** A JWK Set (RFC 7517 §5): an object whose `keys` is a list of objects, each read as the key it says it is. */
const isJwks = (v: unknown): v is KeySet =>
  typeof v === 'object' &&
  v !== null &&
  'keys' in v &&
  Array.isArray(v.keys) &&
  v.keys.every((k: unknown) => typeof k === 'object' && k !== null && !Array.isArray(k));

export function readJwks(exchange: Exchange): KeySet | { error: Said } {
  const res = exchange.response;
  if (!res) return { error: failureOf(exchange) };
  if (res.status < 200 || res.status > 299)
    return { error: say('jwksHttp', res.status, exchange.request.url) };
  try {
    const value: unknown = JSON.parse(res.body);
    if (isJwks(value)) return value;
    return { error: say('jwksNoKeys') };
  } catch (e) {
    return { error: say('jwksNotJson', messageOf(e)) };
  }
}
