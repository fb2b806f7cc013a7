import { userinfoChecks } from '../../core/checks/action-checks.ts';
import { verifySignature } from '../../core/checks/signature.ts';
import type { Exchange } from '../../core/protocol/http.ts';
import { secretOf } from '../../core/protocol/client-auth.ts';
import { send } from '../transport.ts';
import { dpopProof } from '../dpop.ts';
import { decodeToken } from '../../core/protocol/jwt.ts';
import { readUserinfo, userinfoRequest } from '../../core/protocol/userinfo.ts';
import { currentTokens, tokenTypeOf } from '../../core/view/steps.ts';
import { jwksSource } from './validation.ts';
import { settled, type Performer } from './performer.ts';

/** OIDC Core §5.3: the claims for this access token; `sub` must be the ID token's. */
export const userinfo: Performer<'userinfo'> = async ({ run, endpoint, token, client, deps }) => {
  // A DPoP-bound token is presented with a proof of the run's key (RFC 9449 §7), `ath` its hash.
  const proof = dpopProof(deps, run);
  const sent = await send(deps, userinfoRequest(endpoint, token, tokenTypeOf(run)), {
    role: 'userinfo',
    ...(proof ? { proof } : {}),
  });
  const { exchange } = sent;
  const { claims, jwt, error } = readUserinfo(exchange);
  const exchanges: Exchange[] = [...sent.exchanges];
  const jwksUri = run.profile.endpoints.jwks;
  const decoded = jwt ? decodeToken(jwt) : undefined;
  const signature =
    jwt && decoded?.kind === 'jwt'
      ? await verifySignature(
          jwt,
          decoded.header,
          secretOf(client),
          jwksUri ? jwksSource(jwksUri, exchanges, deps, undefined) : undefined,
        )
      : undefined;
  const idToken = currentTokens(run)?.idToken;
  const sub = idToken?.kind === 'jwt' ? idToken.claims.sub : undefined;
  return {
    step: {
      kind: 'userinfo',
      ...settled(error, deps),
      exchanges,
      ...(claims ? { claims } : {}),
      ...(error ? { error } : {}),
      checks: userinfoChecks(exchange, claims, sub, signature),
    },
  };
};
