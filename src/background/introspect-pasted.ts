import { invalid, ok } from '../core/flow-error.ts';
import { say } from '../core/i18n/say.ts';
import { clientOf, credentialFor, secretCredential } from '../core/protocol/client-auth.ts';
import { introspectionRequest, readIntrospection } from '../core/protocol/token-admin.ts';
import { PROVIDER_URL, urlProblem } from '../core/protocol/url-rules.ts';
import { redactionsFor, scrub } from '../core/report/redact.ts';
import type { TokenHint } from '../core/run/run.ts';
import type { Res } from '../messages.ts';
import type { WorkerDeps } from './deps.ts';
import { profileAndSecret } from './profiles.ts';
import { send } from './transport.ts';

/**
 * Read a token's **Introspect** (RFC 7662): a pasted token asked about at a profile's introspection
 * endpoint, the client authenticated with the profile's session secret or one typed for this request.
 * Nothing is stored; the page gets the exchange without the client's secret.
 */
export async function introspectPasted(
  profileId: string,
  token: string,
  hint: TokenHint,
  typed: string | undefined,
  deps: WorkerDeps,
): Promise<Res<'introspectToken'>> {
  const found = await profileAndSecret(profileId);
  if (!found) return invalid(say('profileGone'));
  const { profile } = found;
  const endpoint = profile.endpoints.introspection ?? '';
  if (!endpoint) return invalid(say('readNoIntrospection', profile.name));
  const problem = urlProblem(say('endpointIntrospection'), endpoint, PROVIDER_URL);
  if (problem) return invalid(problem);
  const secret = typed || found.secret;
  const client = clientOf(profile, credentialFor(profile, secretCredential(secret)));
  const { exchange } = await send(deps, introspectionRequest(endpoint, token, hint), {
    role: 'introspection',
    client,
    issuer: profile.issuer,
  });
  const { fields, error } = readIntrospection(exchange, client);
  const shown = scrub(exchange, redactionsFor([{ kind: 'client_secret', value: secret }]));
  return ok({ exchange: shown, ...(fields ? { fields } : {}), ...(error ? { error } : {}) });
}
