import { parsedObject } from '../protocol/discovery.ts';
import { parRequired } from '../protocol/callback.ts';
import type { ClientAuthMethod } from '../profile/profile.ts';
import { ENDPOINT_LABELS } from './endpoint-labels.ts';
import {
  attemptOf,
  authMethodOf,
  basicRefusedBothWays,
  clientOf,
  isAssertion,
  keyCredential,
  usesSecret,
  otherAdvertisedMethods,
  secretOf,
} from '../protocol/client-auth.ts';
import { encodingChanges, refusesClient } from '../protocol/client-auth-refusal.ts';
import { LOGIN_STEPS, runCredential, type RetrySetting, type Run, type TokenHint } from '../run/run.ts';
import { actionDef, ownExchange, type ActionKind } from '../run/steps/index.ts';
import { DISCOVERY_FIELDS } from '../protocol/authorization-server.ts';
import { loopbackUnderRemote, PROVIDER_URL, urlProblem } from '../protocol/url-rules.ts';
import { currentRefreshToken, currentTokens, lastStep, serverOf } from './steps.ts';
import { say, type Spoken } from '../i18n/say.ts';
import { apiCallProblems, type ApiCall } from '../protocol/api-call.ts';

/** What the inspector asks of a finished run's tokens: an action step (`STEPS[kind].action`). */
export interface ActionRequest {
  action: ActionKind;
  /** For the actions that take a `token_type_hint` (revocation, introspection): which token. */
  token?: TokenHint;
  /** An API call's request as the person wrote it: its URL is the action's target. */
  call?: ApiCall;
}

/** The token an action sends: the one it always sends (null: none), else the one its button named. */
export function sentToken({ action, token }: ActionRequest): TokenHint | null {
  const { sends } = actionDef(action);
  return sends === undefined ? (token ?? 'access_token') : sends;
}

/**
 * Where an action sends its request, a function of the run and the request: its endpoint as the
 * profile set it, else as discovery published it; for an API call, the URL the person typed.
 */
export function actionTarget(run: Run, { action, call }: ActionRequest): string | undefined {
  const name = actionDef(action).endpoint;
  if (!name) return call?.url || undefined;
  const typed = run.profile.endpoints[name];
  return typed || serverOf(run)?.endpoints[name] || undefined;
}

/** The token an action sends, if the run still holds it. */
export function actionToken(run: Run, request: ActionRequest): string | undefined {
  const sends = sentToken(request);
  if (sends === null) return '';
  if (sends === 'refresh_token') return currentRefreshToken(run);
  const access = currentTokens(run)?.fields?.access_token;
  return typeof access === 'string' && access ? access : undefined;
}

/** Why an action cannot run now, in a sentence for the person; undefined when it can. */
export function unavailableBecause(run: Run, request: ActionRequest): Spoken | undefined {
  if (run.status === 'running') return say('unavailableRunning');
  if (run.redacted) return say('unavailableRedacted');
  const sends = sentToken(request);
  if (sends !== null) {
    if (!currentTokens(run)?.fields) return say('unavailableNoTokens');
    if (!actionToken(run, request))
      return say(sends === 'refresh_token' ? 'unavailableNoRefresh' : 'unavailableNoAccess');
  }
  const name = actionDef(request.action).endpoint;
  if (!name) {
    // An API: the URL the person typed (loopback too), and the request they wrote, each rule checked.
    const [problem] = request.call ? apiCallProblems(request.call) : [say('apiNoRequest')];
    return problem;
  }
  const endpoint = actionTarget(run, request);
  if (!endpoint) return say(`unavailableNo_${name}`);
  // Published by a remote provider, on this computer: never sent anything (typed ones are the person's choice).
  if (!run.profile.endpoints[name] && loopbackUnderRemote(endpoint, run.profile.issuer))
    return say('discoveryLoopback', DISCOVERY_FIELDS[name], endpoint);
  return urlProblem(say(ENDPOINT_LABELS[name]), endpoint, PROVIDER_URL);
}

/** How many actions the run has had, for its history line. */
export const actionCount = (run: Run): number => run.steps.filter((s) => !LOGIN_STEPS.has(s.kind)).length;

/** What a retry changes: the client authentication method, the Basic credential's encoding, or the secret. */
export type { RetrySetting };

/** What the inspector offers after the client's credentials were refused, likeliest fix first. */
export interface RetryOffers {
  /** A secret typed in the inspector, with **Retry with this secret**: the client used one. */
  secret: boolean;
  settings: RetrySetting[];
}

const NO_OFFERS: RetryOffers = { secret: false, settings: [] };

/**
 * After the token endpoint refused the client's credentials (401, 403, or 400 with `invalid_client`,
 * `unauthorized_client` or an empty body): another secret first; then the Basic credential the other way
 * (when the client ID or secret holds characters that form-urlencoding changes, and this provider has
 * not refused it already), each method the provider advertises (`token_endpoint_auth_methods_supported`)
 * not refused yet, `client_secret_post` first once Basic was refused both ways; `none` last, and only
 * when the login sent PKCE and the provider lists `none` or publishes no list (RFC 7636 then binds the code).
 */
/** After a provider said this client must push its requests (RFC 9126 §5), when the run did not: Retry with PAR. */
export function parRetry(run: Run): boolean {
  if (run.status !== 'failed' || run.redacted || run.steps.some((s) => s.kind === 'par')) return false;
  const callback = lastStep(run, 'callback');
  const get = (name: string) => callback?.params.find(([n]) => n === name)?.[1];
  return parRequired(get('error') ?? '', get('error_description'));
}

export function clientAuthRetries(run: Run): RetryOffers {
  // The request that refused the client: the token request's, or the pushed request's (RFC 9126 §2.1).
  const refusing = lastStep(run, 'token') ?? lastStep(run, 'par');
  const response = refusing && ownExchange(refusing)?.response;
  if (run.status !== 'failed' || !response) return NO_OFFERS;
  const error = parsedObject(response.body)?.error;
  const refusal = {
    status: response.status,
    error: typeof error === 'string' ? error : '',
    empty: response.body.trim() === '',
  };
  if (!refusesClient(refusal)) return NO_OFFERS;
  const client = clientOf(run.profile, runCredential(run));
  const used = authMethodOf(client);
  const tried = [...(run.refusedBefore ?? []), attemptOf(client)];
  const bothWays = basicRefusedBothWays(tried);
  const encoding =
    used === 'client_secret_basic' && !bothWays && encodingChanges(client.clientId + secretOf(client)).length
      ? [{ encodeBasic: client.encodeBasic === false }]
      : [];
  const advertised = serverOf(run)?.tokenEndpointAuthMethodsSupported;
  const refused = (m: ClientAuthMethod) => m !== 'client_secret_basic' && tried.some((a) => a.method === m);
  // private_key_jwt only with a key held here; after it, no secret-based method (the run holds no secret).
  const usable = (m: ClientAuthMethod) =>
    m === 'private_key_jwt'
      ? keyCredential(run.profile) !== undefined
      : !(used === 'private_key_jwt' && usesSecret(m));
  const methods = otherAdvertisedMethods(used, advertised)
    .filter((m) => m !== 'none' && usable(m) && !refused(m) && !(bothWays && m === 'client_secret_basic'))
    .sort(
      (a, b) =>
        Number(bothWays && b === 'client_secret_post') - Number(bothWays && a === 'client_secret_post'),
    );
  const pkce = run.steps.some(
    // The login's parameters: the query's, or the pushed request's (RFC 9126).
    (s) => (s.kind === 'authorize' || s.kind === 'par') && s.params.some(([n]) => n === 'code_challenge'),
  );
  const none =
    used !== 'none' && pkce && !refused('none') && (advertised === undefined || advertised.includes('none'))
      ? [{ clientAuth: 'none' as const }]
      : [];
  // An assertion's audience the other way (RFC 7523 §3), unless this provider refused that one too.
  const otherAudience = client.audience === 'endpoint' ? 'issuer' : 'endpoint';
  const audience =
    isAssertion(used) &&
    !tried.some((a) => a.method === used && (a.audience === 'endpoint') === (otherAudience === 'endpoint'))
      ? [{ assertionAudience: otherAudience } as const]
      : [];
  return {
    // Another secret for a method that sends one; a key is fixed under Client key, never retyped here.
    secret: used !== 'none' && used !== 'private_key_jwt',
    settings: [...encoding, ...audience, ...methods.map((clientAuth) => ({ clientAuth })), ...none],
  };
}

export {
  API_BODY_MAX,
  API_METHODS,
  apiCallProblems,
  type ApiCall,
  type ApiMethod,
} from '../protocol/api-call.ts';
