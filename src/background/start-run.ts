import type { FlowErrorInfo } from '../core/flow-error.ts';
import { flowInfo, flowOf } from '../core/view/flows.ts';
import { profileProblems, type Profile } from '../core/profile/profile.ts';
import { randomToken } from '../core/protocol/random.ts';
import { addSecrets, namedSetting, newRun, runCredential, type Run } from '../core/run/run.ts';
import {
  attemptOf,
  clientOf,
  credentialFor,
  usesSecret,
  type ClientCredential,
} from '../core/protocol/client-auth.ts';
import { findSigningKey } from './client-keys.ts';
import { usesPar } from '../core/protocol/par.ts';
import { usesJar } from '../core/protocol/jar.ts';
import { keyCredential } from '../core/protocol/credential.ts';
import { lastStep, serverOf } from '../core/view/steps.ts';
import { dpopAlg } from '../core/protocol/dpop.ts';
import { newDpopSecret } from './dpop.ts';
import { originNames, providerOrigins } from '../core/view/origins.ts';
import { profileSnapshot } from '../core/view/profile-snapshot.ts';
import type { RetrySetting } from '../core/view/actions.ts';
import type { Res } from '../messages.ts';
import type { WorkerDeps } from './deps.ts';
import { discovery } from './steps/discovery.ts';
import { FLOWS } from './flows/index.ts';
import { runWriter } from './flows/runner.ts';
import { loadRun, own } from './run-store.ts';
import { say, sayAll } from '../core/i18n/say.ts';

type StartRunResponse = Res<'startRun'>;

const refuse = (error: FlowErrorInfo): StartRunResponse => ({ ok: false, error });

const accessRefusal = (origins: string[]): FlowErrorInfo => ({
  code: 'permission_missing',
  ...say('notAllowed', originNames(origins)),
  origins,
});

/** Why a profile under private_key_jwt cannot sign: no key, or its private half not on this device. */
async function keyProblems(profile: Profile, credential: ClientCredential | undefined, deps: WorkerDeps) {
  if (!profile.clientKey) return [say('problemNoKey')];
  const held = credential?.kind === 'key' && (await findSigningKey(deps.platform, credential));
  return held ? [] : [say('keyNotOnDevice')];
}

/**
 * Everything up to opening the login window. Problems found here are answered to the popup (which
 * is still open); from the login window on, the run record carries them to the inspector.
 */
export async function startRun(
  asked: Profile,
  profileName: string,
  typed: ClientCredential | undefined,
  deps: WorkerDeps,
  retry?: Pick<Run, 'retry' | 'refusedBefore'>,
): Promise<StartRunResponse> {
  // A profile shared by a colleague names their installation's redirect URL: this one's is used.
  const { identity, missingOrigins } = deps.platform;
  const requested = { ...asked, redirectUri: identity.ownRedirectFor(asked.redirectUri) };
  const problems = profileProblems(requested);
  const flow = flowInfo(requested);
  // Under private_key_jwt the profile's key, held on this device, is the credential; else the secret typed.
  const credential = credentialFor(requested, typed);
  if (requested.clientAuth === 'private_key_jwt')
    problems.push(...(await keyProblems(requested, credential, deps)));
  else if (flow.needsSecret && !credential) problems.push(say('problemClientCredentialsSecret'));
  // A secret-based method chosen explicitly needs its secret: never silently a public client.
  else if (usesSecret(requested.clientAuth) && credential?.kind !== 'secret')
    problems.push(say('problemSecretMethodEmpty', requested.clientAuth ?? ''));
  if (flow.login && identity.redirectRefused(requested.redirectUri))
    problems.push(say('problemRedirectNotOwn', requested.redirectUri, identity.redirectUrl()));
  if (problems.length) return refuse({ code: 'invalid_input', ...sayAll(problems) });
  const notGranted = await missingOrigins(providerOrigins(requested, identity.isOwnRedirect));
  if (notGranted.length) return refuse(accessRefusal(notGranted));

  const runId = randomToken(deps.random, 12);
  own(runId);
  const run = addSecrets(
    { ...newRun(runId, profileSnapshot(requested), deps.now()), profileName, ...retry },
    { client_secret: credential?.kind === 'secret' ? credential.secret : undefined },
  );

  const w = runWriter(run, deps);
  const discoveryError = await discovery(w);
  if (discoveryError) {
    await w.finish(discoveryError);
    return refuse(discoveryError);
  }
  // A pushed request needs its endpoint: typed, or published by discovery (RFC 9126 §5).
  if (flow.login && usesPar(w.run.profile, serverOf(w.run)) && !w.run.profile.endpoints.par) {
    const error: FlowErrorInfo = { code: 'invalid_input', ...say('problemParNoEndpoint') };
    await w.finish(error);
    return refuse(error);
  }
  // A signed request needs the profile's key, held here (RFC 9101): asked of the profile or the provider.
  if (flow.login && usesJar(w.run.profile, serverOf(w.run))) {
    const key = keyCredential(w.run.profile);
    if (!key || !(await findSigningKey(deps.platform, key))) {
      const error: FlowErrorInfo = {
        code: 'invalid_input',
        ...say(w.run.profile.clientKey ? 'keyNotOnDevice' : 'problemJarNoKey'),
      };
      await w.finish(error);
      return refuse(error);
    }
  }
  // Discovery may have moved an endpoint to an origin not granted yet: the popup asks for exactly those.
  const missing = await missingOrigins(providerOrigins(w.run.profile, identity.isOwnRedirect));
  if (missing.length) {
    const error = accessRefusal(missing);
    await w.finish(error);
    return refuse(error);
  }
  // RFC 9449: the run's own key pair, in the algorithm the provider lists (§5.1), before any proof.
  if (w.run.profile.useDpop) {
    const dpop_key = await newDpopSecret(
      dpopAlg(lastStep(w.run, 'discovery')?.metadata?.dpop_signing_alg_values_supported),
    );
    w.update((run) => addSecrets(run, { dpop_key }));
  }
  await FLOWS[flowOf(w.run.profile)].start(w, credential);
  return { ok: true, value: { runId } };
}

/**
 * The same login again with another client authentication setting or another secret, from the
 * inspector after the client's credentials were refused: the run's profile and secret, a new run (and a
 * new login window) that remembers what it changed, so a success can keep it in the profile, and what
 * this provider refused so far, so it is not offered again (a new secret starts afresh).
 */
export async function retryRun(
  runId: string,
  setting: RetrySetting | { credential: ClientCredential },
  deps: WorkerDeps,
): Promise<StartRunResponse> {
  const run = await loadRun(deps.platform, runId);
  if (!run || run.redacted)
    return refuse({
      code: 'invalid_input',
      ...say('noSecretLeft'),
    });
  const name = run.profileName ?? '';
  if ('credential' in setting)
    return startRun(run.profile, name, setting.credential, deps, { retry: { newSecret: true } });
  const credential = runCredential(run);
  // A push asked for by the provider says nothing against the client's authentication.
  const refusedBefore =
    'usePar' in setting
      ? (run.refusedBefore ?? [])
      : [...(run.refusedBefore ?? []), attemptOf(clientOf(run.profile, credential))];
  // Named fields only: whatever else a payload carried never reaches the profile.
  const change = namedSetting(setting);
  const none = 'clientAuth' in change && change.clientAuth === 'none';
  return startRun({ ...run.profile, ...change }, name, none ? undefined : credential, deps, {
    retry: change,
    refusedBefore,
  });
}
