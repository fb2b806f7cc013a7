import { revocationChecks } from '../../core/checks/action-checks.ts';
import { performExchange } from '../../core/protocol/http.ts';
import { readRevocation, revocationRequest } from '../../core/protocol/token-admin.ts';
import { settled, type Performer } from './performer.ts';

/** RFC 7009: the token revoked at the provider (which answers 200 whether or not it knew it). */
export const revocation: Performer<'revocation'> = async ({ endpoint, token, hint, client, deps }) => {
  const exchange = await performExchange(revocationRequest(endpoint, token, hint, client), deps.http);
  const error = readRevocation(exchange, client);
  return {
    step: {
      kind: 'revocation',
      token: hint,
      ...settled(error, deps),
      exchanges: [exchange],
      ...(error ? { error } : {}),
      checks: revocationChecks(exchange),
    },
  };
};
