import type { Endpoints } from './profile-types.ts';
import type { MessageId } from '../i18n/words.ts';

/**
 * Each endpoint a profile holds, in the order the popup's Endpoints fields show them, with the label
 * that names it there and in every message about it: an endpoint added to `Endpoints` without one
 * does not compile, and its field appears by itself.
 */
export const ENDPOINT_LABELS: Record<keyof Endpoints, MessageId> = {
  authorization: 'endpointAuthorization',
  token: 'endpointToken',
  jwks: 'endpointJwks',
  userinfo: 'endpointUserinfo',
  revocation: 'endpointRevocation',
  introspection: 'endpointIntrospection',
  par: 'endpointPar',
};

export const ENDPOINT_NAMES = Object.keys(ENDPOINT_LABELS) as (keyof Endpoints)[];
