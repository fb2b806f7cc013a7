import { parChecks } from '../../core/checks/par-checks.ts';
import type { AuthorizeParams } from '../../core/protocol/authorize.ts';
import type { ClientCredentials } from '../../core/protocol/client-auth.ts';
import { parRequest, readParResponse } from '../../core/protocol/par.ts';
import { sentAssertions } from '../../core/run/answer-secrets.ts';
import { addAssertions } from '../../core/run/run.ts';
import { serverOf } from '../../core/view/steps.ts';
import type { RunWriter } from '../flows/runner.ts';
import { send } from '../transport.ts';

/**
 * RFC 9126 §2: the authorization parameters pushed to the provider, the client authenticated as at the
 * token endpoint; the pushed step records the exchange and its checks. Answers the `request_uri`; when
 * the provider refused (or answered something unusable), the run has ended there with why.
 */
export async function pushed(
  w: RunWriter,
  endpoint: string,
  params: AuthorizeParams,
  client: ClientCredentials,
): Promise<string | undefined> {
  const { deps } = w;
  w.append({ kind: 'par', status: 'running', at: deps.now(), params, exchanges: [] });
  const { exchange, exchanges } = await send(deps, parRequest(endpoint, params), {
    role: 'par',
    client,
    issuer: w.run.profile.issuer,
  });
  const server = serverOf(w.run);
  const { pushed: answer, error } = readParResponse(
    exchange,
    client,
    server?.tokenEndpointAuthMethodsSupported,
    {
      assertionAlgs: server?.tokenEndpointAuthSigningAlgValuesSupported,
    },
  );
  w.update((run) => addAssertions(run, sentAssertions(exchanges)));
  w.settle({
    kind: 'par',
    status: error ? 'failed' : 'ok',
    at: deps.now(),
    params,
    exchanges,
    ...(answer ? { requestUri: answer.requestUri, expiresIn: answer.expiresIn } : {}),
    ...(error ? { error } : {}),
    checks: parChecks(exchange),
    checkedAt: deps.now(),
  });
  if (!answer) {
    await w.finish(error);
    return undefined;
  }
  return answer.requestUri;
}
