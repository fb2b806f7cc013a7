import { arrayOf, boolean, object, oneOf, optional, pair, string, type Schema } from '../schema.ts';
import { API_METHODS, type ApiCall } from './api-call.ts';

/** An API call as a message or a stored recent request carries it: read, never trusted. */
export const apiCallSchema: Schema<ApiCall> = object({
  method: oneOf(API_METHODS),
  url: string,
  headers: arrayOf(pair(string, string)),
  body: optional(string),
  contentType: optional(string),
  interactionId: optional(boolean),
});
