import { say } from '../../core/i18n/say.ts';
import { jwksChecks } from '../../core/checks/jwks-checks.ts';
import { send } from '../transport.ts';
import { jwksRequest, readJwks } from '../../core/protocol/jwks.ts';
import { currentTokens } from '../../core/view/steps.ts';
import { settled, str, type Performer } from './performer.ts';

/** RFC 7517 §5: the provider's keys as it publishes them now, and whether they still fit the login. */
export const jwks: Performer<'jwks'> = async ({ run, endpoint, deps }) => {
  const { exchange } = await send(deps, jwksRequest(endpoint), { role: 'jwks' });
  const set = readJwks(exchange);
  const idToken = currentTokens(run)?.idToken;
  const checks = jwksChecks(set, idToken?.kind === 'jwt' ? str(idToken.header.kid) : undefined);
  const keys = 'error' in set ? undefined : set.keys;
  return {
    step: {
      kind: 'jwks',
      ...settled('error' in set, deps),
      exchanges: [exchange],
      ...(keys
        ? { keys: keys.map((k) => ({ kid: str(k.kid), kty: str(k.kty), alg: str(k.alg), use: str(k.use) })) }
        : {}),
      ...('error' in set ? { error: { code: 'provider_error', ...say('sigJwksError', set.error) } } : {}),
      checks,
    },
  };
};
