import type { Check } from './check.ts';
import { callbackChecks, type CallbackExpectations } from './checks/callback-checks.ts';
import type { FlowErrorCode, FlowErrorInfo } from './flow-error.ts';
import type { Params } from './params.ts';

const STOP_CODES: Record<string, FlowErrorCode> = {
  'callback.redirect_uri': 'callback_elsewhere',
  'callback.duplicates': 'duplicate_parameter',
  'callback.state': 'state_mismatch',
  'callback.iss': 'iss_mismatch',
  'callback.no_tokens': 'tokens_in_callback',
};

const STOP_MESSAGES: Record<string, (c: Check) => string> = {
  'callback.redirect_uri': (c) =>
    `The callback arrived at ${c.actual}, not at ${c.expected} where this login asked to be sent back; the code was not redeemed.`,
  'callback.duplicates': (c) =>
    `The callback ${c.actual.replace('repeated', 'repeats')}; RFC 6749 §3.1 forbids repeated parameters, so the code was not redeemed.`,
  'callback.state': (c) =>
    c.actual === '(missing)'
      ? 'The callback has no state parameter, so it cannot be tied to this login; the code was not redeemed.'
      : 'The callback carries a different state than this login sent (a forged or stale callback): nothing in it was acted on, and the code was not redeemed.',
  'callback.iss': (c) =>
    c.actual.startsWith('(missing')
      ? `The callback has no iss parameter although the provider advertises it (RFC 9207 mix-up defence); the code was not redeemed.`
      : `The callback says it came from ${c.actual}, not from ${c.expected} (RFC 9207 mix-up defence); the code was not redeemed.`,
  'callback.no_tokens': (c) =>
    `The callback ${c.actual}: tokens must not travel in the redirect of a code flow, so the code was not redeemed.`,
};

export interface CallbackReading {
  checks: Check[];
  /** Set when the callback may be redeemed. */
  code?: string;
  error?: FlowErrorInfo;
}

/**
 * Checks an authorization response and returns its code, or the error that stops the run before
 * anything could redeem a code from a forged, replayed or mixed-up callback. A failed check comes
 * first: an `error=` that cannot be tied to this login (wrong state, say) is not the provider's word.
 */
export function readCallback(
  callbackUrl: string,
  params: Params,
  expected: CallbackExpectations,
): CallbackReading {
  const checks = callbackChecks(callbackUrl, params, expected);
  const get = (name: string) => params.find(([n]) => n === name)?.[1];
  const failed = checks.find((c) => c.status === 'fail');
  const providerError = get('error');
  if (!failed && providerError !== undefined) {
    const description = get('error_description');
    const uri = get('error_uri');
    const error: FlowErrorInfo = {
      code: 'provider_error',
      message: `The provider refused the login: ${providerError}${description ? ` — ${description}` : ''}`,
      actual: providerError,
      ...(uri ? { hint: `More about it: ${uri}` } : {}),
    };
    return { checks, error };
  }
  if (failed) {
    const slashOnly =
      failed.id === 'callback.iss' &&
      failed.actual.replace(/\/+$/, '') === failed.expected.replace(/\/+$/, '');
    const error: FlowErrorInfo = {
      code: STOP_CODES[failed.id] ?? 'state_mismatch',
      message: STOP_MESSAGES[failed.id]?.(failed) ?? failed.title,
      expected: failed.expected,
      actual: failed.actual,
      ...(slashOnly
        ? { hint: 'They differ only by a trailing slash: the Issuer field must match the provider exactly.' }
        : {}),
    };
    return { checks, error };
  }
  const code = get('code');
  if (!code) {
    return {
      checks,
      error: {
        code: 'missing_code',
        message: 'The callback has neither a code nor an error.',
      },
    };
  }
  return { checks, code };
}
