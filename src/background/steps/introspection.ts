import { introspectionChecks } from '../../core/checks/action-checks.ts';
import { send } from '../transport.ts';
import { introspectionRequest, readIntrospection } from '../../core/protocol/token-admin.ts';
import { settled, type Performer } from './performer.ts';

/** RFC 7662: whether the provider holds the token active, and what it says about it. */
export const introspection: Performer<'introspection'> = async ({
  run,
  endpoint,
  token,
  hint,
  client,
  deps,
}) => {
  const { exchange, exchanges } = await send(deps, introspectionRequest(endpoint, token, hint), {
    role: 'introspection',
    client,
    issuer: run.profile.issuer,
  });
  const { fields, error } = readIntrospection(exchange, client);
  return {
    step: {
      kind: 'introspection',
      token: hint,
      ...settled(error, deps),
      exchanges,
      ...(fields ? { fields } : {}),
      ...(error ? { error } : {}),
      checks: introspectionChecks(exchange, fields),
    },
  };
};
