import { say } from '../core/i18n/say.ts';
import type { Check } from '../core/checks/check.ts';
import { introspectionChecks, revocationChecks, userinfoChecks } from '../core/checks/action-checks.ts';
import { refreshIdTokenChecks } from '../core/checks/refresh-checks.ts';
import { verifySignature } from '../core/checks/signature.ts';
import { tokenResponseChecks } from '../core/checks/token-checks.ts';
import { invalid, ok, type FlowErrorInfo, type Result } from '../core/flow-error.ts';
import { performExchange, type Exchange } from '../core/protocol/http.ts';
import { decodeToken } from '../core/protocol/jwt.ts';
import { extraParams } from '../core/protocol/extra-params.ts';
import { rotationOf } from '../core/protocol/refresh.ts';
import { answerSecrets } from '../core/run/answer-secrets.ts';
import {
  addAnswerSecrets,
  addSecrets,
  appendStep,
  settleLastStep,
  type Run,
  type Step,
} from '../core/run/run.ts';
import {
  introspectionRequest,
  readIntrospection,
  readRevocation,
  revocationRequest,
} from '../core/protocol/token-admin.ts';
import { readTokenResponse, refreshRequest } from '../core/protocol/token.ts';
import { clientOf, type ClientCredentials } from '../core/protocol/client-auth.ts';
import { readUserinfo, userinfoRequest } from '../core/protocol/userinfo.ts';
import { actionEndpoint, actionToken, unavailableBecause, type ActionRequest } from '../core/view/actions.ts';
import { currentTokens, lastStep } from '../core/view/steps.ts';
import type { WorkerDeps } from './deps.ts';
import { loadRun, saveRun } from './run-store.ts';
import { serial } from './serial.ts';
import { jwksSource, tokenChecks } from './validate-tokens.ts';

const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
/** An action's checks carry its step's name, so they group under it and never read as the login's. */
const under = (prefix: string, checks: Check[]) => checks.map((c) => ({ ...c, id: `${prefix}.${c.id}` }));

/** What every action works with: the run, the endpoint and token it calls with, and the client. */
interface ActionContext {
  run: Run;
  endpoint: string;
  token: string;
  client: ClientCredentials;
  deps: WorkerDeps;
}

interface Performed {
  step: Step;
  secrets?: Partial<Record<'access_token' | 'id_token' | 'refresh_token', string>>;
}

/** RFC 6749 §6, with OIDC Core §12.2 on a new ID token; the newest tokens become current. */
async function refresh({ run, endpoint, token, client, deps }: ActionContext): Promise<Performed> {
  const previous = currentTokens(run)?.fields ?? {};
  const exchange = await performExchange(
    refreshRequest(endpoint, token, client, extraParams(run.profile.extraToken)),
    deps.http,
  );
  const { fields, error } = readTokenResponse(
    exchange,
    client,
    lastStep(run, 'discovery')?.metadata?.token_endpoint_auth_methods_supported,
    { refresh: true },
  );
  const idToken = str(fields?.id_token);
  const accessToken = str(fields?.access_token);
  const exchanges: Exchange[] = [];
  const responseChecks = tokenResponseChecks(exchange, fields, run.profile.scopes).filter(
    (c) => c.id !== 'token.id_token',
  );
  const checks = [...responseChecks];
  if (!error) {
    checks.push(
      ...(await tokenChecks(
        run,
        { idToken, accessToken, clientSecret: client.clientSecret, metadata: undefined },
        exchanges,
        deps,
        undefined,
      )),
    );
    const first = lastStep(run, 'token')?.idToken;
    const next = idToken ? decodeToken(idToken) : undefined;
    if (first?.kind === 'jwt' && next?.kind === 'jwt')
      checks.push(...refreshIdTokenChecks(first.claims, next.claims));
  }
  const step: Step = {
    kind: 'refresh',
    status: error ? 'failed' : 'ok',
    at: deps.now(),
    exchange,
    exchanges,
    previous,
    ...(fields ? { fields, rotation: rotationOf(token, fields.refresh_token) } : {}),
    ...(accessToken ? { accessToken: decodeToken(accessToken) } : {}),
    ...(idToken ? { idToken: decodeToken(idToken) } : {}),
    ...(error ? { error } : {}),
    checks: under('refresh', checks),
    checkedAt: deps.now(),
  };
  return {
    step,
    secrets: { access_token: accessToken, id_token: idToken, refresh_token: str(fields?.refresh_token) },
  };
}

/** OIDC Core §5.3: the claims for this access token; `sub` must be the ID token's. */
async function userinfo({ run, endpoint, token, client, deps }: ActionContext): Promise<Performed> {
  const exchange = await performExchange(userinfoRequest(endpoint, token), deps.http);
  const { claims, jwt, error } = readUserinfo(exchange);
  const exchanges: Exchange[] = [];
  const jwksUri = run.profile.endpoints.jwks;
  const decoded = jwt ? decodeToken(jwt) : undefined;
  const signature =
    jwt && decoded?.kind === 'jwt'
      ? await verifySignature(
          jwt,
          decoded.header,
          client.clientSecret,
          jwksUri ? jwksSource(jwksUri, exchanges, deps, undefined) : undefined,
        )
      : undefined;
  const idToken = currentTokens(run)?.idToken;
  const sub = idToken?.kind === 'jwt' ? idToken.claims.sub : undefined;
  const step: Step = {
    kind: 'userinfo',
    status: error ? 'failed' : 'ok',
    at: deps.now(),
    exchange,
    ...(exchanges.length ? { exchanges } : {}),
    ...(claims ? { claims } : {}),
    ...(error ? { error } : {}),
    checks: userinfoChecks(exchange, claims, sub, signature),
    checkedAt: deps.now(),
  };
  return { step };
}

async function tokenAdmin(
  { endpoint, token, client, deps }: ActionContext,
  request: ActionRequest,
): Promise<Performed> {
  const hint = request.token ?? 'access_token';
  const revoke = request.action === 'revoke';
  const build = revoke ? revocationRequest : introspectionRequest;
  const exchange = await performExchange(build(endpoint, token, hint, client), deps.http);
  const { fields, error } = revoke
    ? { fields: undefined, error: readRevocation(exchange, client) }
    : readIntrospection(exchange, client);
  const common = {
    token: hint,
    status: error ? 'failed' : 'ok',
    at: deps.now(),
    exchange,
    checkedAt: deps.now(),
  } as const;
  const step: Step = revoke
    ? { ...common, kind: 'revocation', ...(error ? { error } : {}), checks: revocationChecks(exchange) }
    : {
        ...common,
        kind: 'introspection',
        ...(fields ? { fields } : {}),
        ...(error ? { error } : {}),
        checks: introspectionChecks(exchange, fields),
      };
  return { step };
}

/**
 * One action on a finished run's tokens (refresh, UserInfo, revoke, introspect): its step is
 * appended to the run, shown while it runs, and settled with its exchange and checks. Never
 * automatic; refused, saying why, when the run no longer holds what the action needs.
 */
export function runAction(
  runId: string,
  request: ActionRequest,
  deps: WorkerDeps,
): Promise<Result<{ status: 'ok' | 'failed'; error?: FlowErrorInfo }>> {
  return serial(async () => {
    const stored = await loadRun(runId);
    if (!stored) return invalid(say('runGone', runId));
    const reason = unavailableBecause(stored, request);
    if (reason) return { ok: false, error: { code: 'invalid_input', ...reason } };
    const endpoint = actionEndpoint(stored, request.action)!;
    const token = actionToken(stored, request)!;
    const client = clientOf(
      stored.profile,
      stored.secrets.find((s) => s.kind === 'client_secret')?.value ?? '',
    );
    const running: Step =
      request.action === 'refresh' || request.action === 'userinfo'
        ? { kind: request.action, status: 'running', at: deps.now() }
        : {
            kind: request.action === 'revoke' ? 'revocation' : 'introspection',
            token: request.token ?? 'access_token',
            status: 'running',
            at: deps.now(),
          };
    let run = appendStep(stored, running);
    await saveRun(run);
    const done =
      request.action === 'refresh'
        ? await refresh({ run, endpoint, token, client, deps })
        : request.action === 'userinfo'
          ? await userinfo({ run, endpoint, token, client, deps })
          : await tokenAdmin({ run, endpoint, token, client, deps }, request);
    const carried = 'exchange' in done.step ? answerSecrets(done.step.exchange).values : [];
    run = settleLastStep(addAnswerSecrets(addSecrets(run, done.secrets ?? {}), carried), done.step);
    await saveRun(run);
    return ok({
      status: done.step.status === 'failed' ? 'failed' : 'ok',
      ...(done.step.error ? { error: done.step.error } : {}),
    });
  });
}
