import { revocationChecks } from '../../core/checks/action-checks.ts';
import { send } from '../transport.ts';
import { readRevocation, revocationRequest } from '../../core/protocol/token-admin.ts';
import { settled, type Performer } from './performer.ts';

/** RFC 7009: the token revoked at the provider (which answers 200 whether or not it knew it). */
export const revocation: Performer<'revocation'> = async ({ run, endpoint, token, hint, client, deps }) => {
  const { exchange, exchanges } = await send(deps, revocationRequest(endpoint, token, hint), {
    role: 'revocation',
    client,
    issuer: run.profile.issuer,
  });
  const error = readRevocation(exchange, client);
  return {
    step: {
      kind: 'revocation',
      token: hint,
      ...settled(error, deps),
      exchanges,
      ...(error ? { error } : {}),
      checks: revocationChecks(exchange),
    },
  };
};
