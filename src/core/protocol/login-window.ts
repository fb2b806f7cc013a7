import type { FlowErrorInfo } from '../flow-error.ts';
import { say, sayHint } from '../i18n/say.ts';

export type LoginWindowFailureKind = 'closed' | 'not_loaded' | 'wrong_url' | 'other';

/** A login window's failure, as the platform reads it from the browser (`platform/chromium/`, `platform/firefox/`). */
export interface LoginWindowFailure {
  kind: LoginWindowFailureKind;
  message: string;
}

/** A login window's failure in words a support person can act on; the browser's own words kept beside. */
export function loginWindowError({ kind, message }: LoginWindowFailure): FlowErrorInfo {
  if (kind === 'closed')
    return { code: 'login_cancelled', ...say('loginClosed'), actual: message, ...sayHint('hintLoginClosed') };
  const hint =
    kind === 'not_loaded'
      ? sayHint('hintLoginNotLoaded')
      : kind === 'wrong_url'
        ? sayHint('hintLoginWrongUrl')
        : undefined;
  return { code: 'login_failed', ...say('loginFailed', message), actual: message, ...hint };
}
