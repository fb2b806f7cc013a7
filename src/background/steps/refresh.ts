import type { Check } from '../../core/checks/check.ts';
import { refreshIdTokenChecks } from '../../core/checks/refresh-checks.ts';
import { dpopBindingCheck, tokenResponseChecks } from '../../core/checks/token-checks.ts';
import { dpopProof, runJkt } from '../dpop.ts';
import { extraParams } from '../../core/protocol/extra-params.ts';
import type { Exchange } from '../../core/protocol/http.ts';
import { secretOf } from '../../core/protocol/client-auth.ts';
import { send } from '../transport.ts';
import { decodeToken } from '../../core/protocol/jwt.ts';
import { rotationOf } from '../../core/protocol/refresh.ts';
import { readTokenResponse, refreshRequest } from '../../core/protocol/token.ts';
import { currentTokens, lastStep, serverOf } from '../../core/view/steps.ts';
import { tokenChecks } from './validation.ts';
import { settled, str, under, type Performer } from './performer.ts';

/** RFC 6749 §6, with OIDC Core §12.2 on a new ID token; the newest tokens become current. */
export const refresh: Performer<'refresh'> = async ({ run, endpoint, token, client, deps }) => {
  const previous = currentTokens(run)?.fields ?? {};
  const proof = dpopProof(deps, run);
  const sent = await send(deps, refreshRequest(endpoint, token, extraParams(run.profile.extraToken)), {
    role: 'token',
    client,
    issuer: run.profile.issuer,
    ...(proof ? { proof } : {}),
  });
  const { exchange } = sent;
  const { fields, error } = readTokenResponse(
    exchange,
    client,
    serverOf(run)?.tokenEndpointAuthMethodsSupported,
    { refresh: true, assertionAlgs: serverOf(run)?.tokenEndpointAuthSigningAlgValuesSupported },
  );
  const idToken = str(fields?.id_token);
  const accessToken = str(fields?.access_token);
  const exchanges: Exchange[] = [...sent.exchanges];
  const checks = tokenResponseChecks(exchange, fields, run.profile.scopes).filter(
    (c) => c.id !== 'token.id_token',
  );
  // OIDC Core §12.2's rules on a refreshed ID token have `refresh.` ids of their own.
  const refreshRules: Check[] = [];
  if (!error) {
    const tokens = { idToken, accessToken, clientSecret: secretOf(client), algsSupported: undefined };
    // OIDC Core §12.2 has its own rule for a refreshed ID token's nonce (`refresh.id_token.nonce`,
    // below): the login's rule would repeat that id under the same title.
    const idChecks = await tokenChecks(run, tokens, exchanges, deps, undefined);
    checks.push(...idChecks.filter((c) => c.id !== 'id_token.nonce'));
    // RFC 9449 §6.1: the refreshed access token stays bound to the run's key.
    const jkt = proof ? await runJkt(run) : undefined;
    if (jkt) checks.push(dpopBindingCheck(accessToken ? decodeToken(accessToken) : undefined, jkt));
    const first = lastStep(run, 'token')?.idToken;
    const next = idToken ? decodeToken(idToken) : undefined;
    if (first?.kind === 'jwt' && next?.kind === 'jwt')
      refreshRules.push(...refreshIdTokenChecks(first.claims, next.claims));
  }
  return {
    step: {
      kind: 'refresh',
      ...settled(error, deps),
      exchanges,
      previous,
      ...(fields ? { fields, rotation: rotationOf(token, fields.refresh_token) } : {}),
      ...(accessToken ? { accessToken: decodeToken(accessToken) } : {}),
      ...(idToken ? { idToken: decodeToken(idToken) } : {}),
      ...(error ? { error } : {}),
      checks: [...under('refresh', checks), ...refreshRules],
    },
    secrets: { access_token: accessToken, id_token: idToken, refresh_token: str(fields?.refresh_token) },
  };
};
