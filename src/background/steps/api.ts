import { apiChecks } from '../../core/checks/action-checks.ts';
import { apiRequest, readApiAnswer, uuidV4 } from '../../core/protocol/api-call.ts';
import { expiresAt } from '../../core/view/expiry.ts';
import { currentTokens, tokenTypeOf } from '../../core/view/steps.ts';
import { dpopProof } from '../dpop.ts';
import { send } from '../transport.ts';
import { settled, type Performer } from './performer.ts';
import { rememberApiCall } from '../api-recent.ts';

/**
 * A call to the API the token is for, as the person wrote it (checked by the page and again by the message
 * schema and `unavailableBecause`): the access token under its type's scheme, a DPoP proof for the API's URL
 * (its nonce asked for in a 401 answered by the transport's one retry), no redirect followed.
 */
export const api: Performer<'api'> = async ({ run, endpoint, token, deps, call }) => {
  if (!call) throw new TypeError('an API call needs its request');
  const interactionId = call.interactionId ? uuidV4(deps.random) : undefined;
  const proof = dpopProof(deps, run);
  const request = apiRequest({ ...call, url: endpoint }, token, tokenTypeOf(run), interactionId);
  const { exchange, exchanges } = await send(deps, request, { role: 'api', ...(proof ? { proof } : {}) });
  const tokens = currentTokens(run);
  const granted = typeof tokens?.fields?.scope === 'string' ? tokens.fields.scope : run.profile.scopes;
  const error = readApiAnswer(exchange, {
    granted,
    expiresAt: expiresAt(tokens, 'access_token'),
    now: exchange.startedAt,
  });
  await rememberApiCall(deps.platform, run.profileName ?? '', call);
  const { body, ...asked } = call;
  return {
    step: {
      kind: 'api',
      ...settled(error, deps),
      call: { ...asked, ...(body ? { bodyLength: body.length } : {}) },
      ...(interactionId ? { interactionId } : {}),
      exchanges,
      ...(error ? { error } : {}),
      checks: apiChecks(exchange, interactionId),
    },
  };
};
