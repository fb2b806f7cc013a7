import type { ClientAttempt } from '../protocol/client-auth.ts';
import { credentialFor, type ClientCredential } from '../protocol/credential.ts';
import type { FlowErrorInfo } from '../flow-error.ts';
import type { AssertionAudience, ClientAuthMethod, Profile } from '../profile/profile.ts';
import type { Step } from './steps/index.ts';
import { say, sayHint } from '../i18n/say.ts';

/**
 * What a retry after a refusal changes: one setting, kept in the profile when it works (the client's
 * authentication, or pushing the request when the provider said it must be pushed).
 */
export type RetrySetting =
  | { clientAuth: ClientAuthMethod }
  | { encodeBasic: boolean }
  | { assertionAudience: AssertionAudience }
  | { usePar: true };

/** Only the setting's named field: whatever else a payload carried never reaches the profile. */
export const namedSetting = (s: RetrySetting): RetrySetting =>
  'clientAuth' in s
    ? { clientAuth: s.clientAuth }
    : 'encodeBasic' in s
      ? { encodeBasic: s.encodeBasic }
      : 'usePar' in s
        ? { usePar: true }
        : { assertionAudience: s.assertionAudience };

/** The stored run's shape; older ones are migrated when read (`run/migrations/`). */
export const RUN_SCHEMA = 4;

export type { Step, StepKind, StepOf } from './steps/index.ts';
export type { StepStatus, TokenHint } from './steps/step.ts';
export type { Rotation } from './steps/refresh.ts';

/** The steps of the login itself; later steps are actions on its tokens. */
export const LOGIN_STEPS: ReadonlySet<Step['kind']> = new Set([
  'discovery',
  'par',
  'authorize',
  'callback',
  'token',
  'validation',
]);

export type RunStatus = 'running' | 'done' | 'failed' | 'interrupted';

/**
 * One attempt, everything it captured (design.md "The job, as data flowing through"). Steps only
 * grow; a failure at step N leaves steps 1..N-1 as they were.
 */
export interface Run {
  schema: typeof RUN_SCHEMA;
  id: string;
  createdAt: number;
  finishedAt?: number;
  status: RunStatus;
  profile: Profile;
  steps: Step[];
  error?: FlowErrorInfo;
  /** What this login sent and must see again (state, nonce) or prove (verifier); session storage only. */
  flight?: { state: string; nonce?: string; codeVerifier?: string };
  /** A copy with secrets and signatures removed (history on disk, reports); shown read-only. */
  redacted?: boolean;
  /** The profile's name when the run started, for the history list. */
  profileName?: string;
  /**
   * A retry after the client's credentials were refused: the setting it changed (kept in the profile on
   * request), or `newSecret` when it was a secret typed in the inspector (kept as the profile's secret).
   */
  retry?: RetrySetting | { newSecret: true };
  /** The client authentications this provider refused earlier in the same chain of retries. */
  refusedBefore?: ClientAttempt[];
  /** Every secret value captured so far, so redaction can find each wherever it recurs. */
  secrets: Secret[];
  /** Set when session storage was full: the run is kept without the bodies of its responses. */
  keptWithoutBodies?: boolean;
  /** The login window's tab and window while the login is in flight (closed if the worker is lost). */
  loginWindow?: { tabId: number; windowId: number };
  /** Why its copy could not be written to history on disk (the storage's words), when it could not. */
  notInHistory?: string;
}

/** What a secret value is: it names the shell variable in curl output and decides what history keeps. */
export type SecretKind =
  | 'client_secret'
  | 'code'
  | 'code_verifier'
  | 'access_token'
  | 'refresh_token'
  | 'id_token'
  | 'state'
  | 'nonce'
  /** A signed JWT the client proved itself with (RFC 7523 §2.2): its claims may be shown, never its signature. */
  | 'client_assertion'
  /** The run's signed authorization request (RFC 9101): its claims may be shown, never its signature. */
  | 'request_object'
  /** The run's DPoP key (RFC 9449): its private JWK, as JSON; never leaves the session. */
  | 'dpop_key'
  /** Any other credential an answer carried (by its name or its JWT shape): `sessionToken`, a nested token… */
  | 'credential';

export interface Secret {
  kind: SecretKind;
  value: string;
}

/**
 * The credential the run's client proves itself with: its profile's key under `private_key_jwt`, else the
 * secret it started with, or none (a public client).
 */
export function runCredential(run: Pick<Run, 'secrets' | 'profile'>): ClientCredential | undefined {
  const secret = run.secrets.find((s) => s.kind === 'client_secret')?.value ?? '';
  return credentialFor(run.profile, secret === '' ? undefined : { kind: 'secret', secret });
}

/** A record of this version's shape (older ones go through `migrateRun` first). */
export function isRun(value: unknown): value is Run {
  if (typeof value !== 'object' || value === null) return false;
  return (
    'schema' in value &&
    value.schema === RUN_SCHEMA &&
    'id' in value &&
    typeof value.id === 'string' &&
    'steps' in value &&
    Array.isArray(value.steps)
  );
}

export function newRun(id: string, profile: Profile, now: number): Run {
  return { schema: RUN_SCHEMA, id, createdAt: now, status: 'running', profile, steps: [], secrets: [] };
}

/** Records every value an answer may carry a credential in (see `answerSecrets`), before anything is saved. */
export function addAnswerSecrets(run: Run, values: string[]): Run {
  const fresh = [...new Set(values)].filter((v) => v && !run.secrets.some((s) => s.value === v));
  return fresh.length
    ? { ...run, secrets: [...run.secrets, ...fresh.map((value) => ({ kind: 'credential' as const, value }))] }
    : run;
}

/** Records secret values as they are captured; empty ones and repeats are skipped. */
export function addSecrets(run: Run, found: Partial<Record<SecretKind, string>>): Run {
  const fresh = (Object.entries(found) as [SecretKind, string | undefined][])
    .filter((e): e is [SecretKind, string] => !!e[1])
    .filter(([kind, value]) => !run.secrets.some((s) => s.kind === kind && s.value === value))
    .map(([kind, value]) => ({ kind, value }));
  return fresh.length ? { ...run, secrets: [...run.secrets, ...fresh] } : run;
}

/** `run` holding each client assertion its requests carried as a secret (its claims may be shown, never its signature). */
export const addAssertions = (run: Run, assertions: string[]): Run =>
  assertions.reduce((r, client_assertion) => addSecrets(r, { client_assertion }), run);

export function appendStep(run: Run, step: Step): Run {
  return { ...run, steps: [...run.steps, step] };
}

/** Replaces the newest step (a running step completing); earlier steps are never touched. */
export function settleLastStep(run: Run, step: Step): Run {
  return { ...run, steps: [...run.steps.slice(0, -1), step] };
}

export function finishRun(run: Run, now: number, error?: FlowErrorInfo): Run {
  return { ...run, status: error ? 'failed' : 'done', finishedAt: now, ...(error ? { error } : {}) };
}

/**
 * A run still `running` when a fresh worker starts lost its login window's answer with the old
 * worker: say so instead of leaving it spinning.
 */
export function interruptRun(run: Run, now: number): Run {
  if (run.status !== 'running') return run;
  return {
    ...run,
    status: 'interrupted',
    finishedAt: now,
    error: {
      code: 'interrupted',
      ...say('interruptedRun'),
      // A login window the extension could not see stays open: what is done there is lost.
      ...(run.steps.some((s) => s.kind === 'callback' && s.status === 'running')
        ? sayHint(run.loginWindow ? 'hintInterruptedWindowClosed' : 'hintInterruptedWindowOpen')
        : {}),
    },
  };
}
