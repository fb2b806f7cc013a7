import type { FlowErrorCode } from '../flow-error.ts';
import type { LoginWindowFailureKind } from '../protocol/login-window.ts';
import type { Run, StepKind } from '../run/run.ts';
import { stepDef } from '../run/steps/index.ts';

import { loginChecks, verdict, verdictText } from './verdict.ts';
import type { MessageId, Words } from '../i18n/words.ts';

/** A step's title id; undefined for a kind stored by a newer version. */
const stepTitleOf = (kind: StepKind): MessageId | undefined => stepDef(kind)?.title;

/** Where a run failed, as a place a person knows ("the login window"), with its preposition in pt-BR. */
const WHERE: Partial<Record<StepKind, MessageId>> = {
  discovery: 'failedAtDiscovery',
  authorize: 'failedAtAuthorize',
  callback: 'failedAtCallback',
  token: 'failedAtToken',
  validation: 'failedAtValidation',
};
const LOGIN_WINDOW: ReadonlySet<FlowErrorCode> = new Set([
  'login_refused',
  'login_failed',
  'login_cancelled',
]);

/** Whether an error is the login window's (refused by the provider, closed, not loaded). */
export const isLoginWindowError = (code: FlowErrorCode): boolean => LOGIN_WINDOW.has(code);

/** Why, in a few words; the alert below says it in full, with the provider's own words. */
const WHY: Partial<Record<FlowErrorCode, MessageId>> = {
  login_refused: 'whyLoginRefused',
  login_cancelled: 'whyLoginClosed',
  login_failed: 'whyLoginFailed',
  provider_error: 'whyProviderError',
  state_mismatch: 'whyStateMismatch',
  iss_mismatch: 'whyIssMismatch',
  duplicate_parameter: 'whyDuplicate',
  missing_code: 'whyNoCode',
  callback_elsewhere: 'whyElsewhere',
  tokens_in_callback: 'whyTokensInUrl',
  token_http_error: 'whyTokenHttp',
  token_not_json: 'whyNotJson',
  token_invalid: 'whyNoAccessToken',
  network: 'whyNetwork',
  timeout: 'whyTimeout',
  redirect: 'whyRedirect',
  not_granted: 'whyNotGranted',
  discovery_issuer_mismatch: 'whyDiscovery',
  discovery_invalid: 'whyDiscovery',
  internal: 'whyInternal',
};

/** A login window that failed without the provider's refusal: how the browser said it ended. */
const WINDOW_WHY: Record<LoginWindowFailureKind, MessageId> = {
  closed: 'whyLoginClosed',
  not_loaded: 'whyNotLoaded',
  wrong_url: 'whyWrongUrl',
  other: 'whyLoginFailed',
};

const STATUS: Record<Run['status'], MessageId> = {
  running: 'runRunning',
  done: 'runDone',
  failed: 'runFailed',
  interrupted: 'runInterrupted',
};

/** Where and why a failed run stopped: "Failed at the login window: the provider refused the authorization request". */
export function failureText(run: Run, w: Words): string {
  const step = run.steps.findLast((s) => s.status === 'failed');
  const code = run.error?.code;
  const whereId = step
    ? code && isLoginWindowError(code)
      ? 'failedAtLoginWindow'
      : WHERE[step.kind]
    : undefined;
  const whyId = code === 'login_failed' ? WINDOW_WHY[run.error?.loginWindow ?? 'other'] : code && WHY[code];
  const why = whyId ? w.t(whyId, run.error?.actual ?? '') : undefined;
  const where = whereId ? w.t(whereId) : step ? w.tOr(stepTitleOf(step.kind) ?? '', step.kind) : '';
  if (where && why) return w.t('failedWhereWhy', where, why);
  if (where) return w.t(whereId ? 'failedWhere' : 'runFailedAt', where);
  return why ? w.t('failedWhy', why) : w.t('runFailed');
}

/** The banner's two parts: the run's outcome (where and why, for a failure) and its checks. */
export function headline(run: Run, w: Words): { outcome: string; checks: string } {
  const outcome = run.status === 'failed' ? failureText(run, w) : w.t(STATUS[run.status]);
  if (run.status === 'running') return { outcome, checks: '' };
  const v = verdict(loginChecks(run));
  return { outcome, checks: v.ran > 0 ? verdictText(v, w, run.status !== 'done') : '' };
}

/** The headline on one line: "Tokens received · All 22 checks passed, 1 warning: …". */
export const headlineText = (run: Run, w: Words): string => {
  const { outcome, checks } = headline(run, w);
  return checks ? `${outcome} · ${checks}` : outcome;
};
