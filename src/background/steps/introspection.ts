import { introspectionChecks } from '../../core/checks/action-checks.ts';
import { performExchange } from '../../core/protocol/http.ts';
import { introspectionRequest, readIntrospection } from '../../core/protocol/token-admin.ts';
import { settled, type Performer } from './performer.ts';

/** RFC 7662: whether the provider holds the token active, and what it says about it. */
export const introspection: Performer<'introspection'> = async ({ endpoint, token, hint, client, deps }) => {
  const exchange = await performExchange(introspectionRequest(endpoint, token, hint, client), deps.http);
  const { fields, error } = readIntrospection(exchange, client);
  return {
    step: {
      kind: 'introspection',
      token: hint,
      ...settled(error, deps),
      exchanges: [exchange],
      ...(fields ? { fields } : {}),
      ...(error ? { error } : {}),
      checks: introspectionChecks(exchange, fields),
    },
  };
};
