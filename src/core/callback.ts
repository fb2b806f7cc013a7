import { FlowError } from './flow-error.ts';

export type Params = [name: string, value: string][];

/** The redirect's parameters in order, duplicates kept (they are themselves a finding). */
export function callbackParams(callbackUrl: string): Params {
  return [...new URL(callbackUrl).searchParams.entries()];
}

export interface CallbackExpectations {
  state: string;
  issuer: string;
}

/**
 * Validates an authorization response (RFC 6749 §4.1.2, §10.12; RFC 9207 §2.4) and returns the code.
 * Throws before anything could redeem a code from a forged, replayed or mixed-up callback.
 */
export function readCallback(params: Params, expected: CallbackExpectations): string {
  const names = params.map(([n]) => n);
  const duplicated = [...new Set(names.filter((n, i) => names.indexOf(n) !== i))];
  if (duplicated.length > 0) {
    throw new FlowError({
      code: 'duplicate_parameter',
      message: `The callback repeats ${duplicated.join(', ')}; RFC 6749 §3.1 forbids repeated parameters, so the code was not redeemed.`,
      actual: duplicated.join(', '),
    });
  }
  const get = (name: string) => params.find(([n]) => n === name)?.[1];
  const error = get('error');
  if (error !== undefined) {
    const description = get('error_description');
    const uri = get('error_uri');
    throw new FlowError({
      code: 'provider_error',
      message: `The provider refused the login: ${error}${description ? ` — ${description}` : ''}`,
      actual: error,
      ...(uri ? { hint: `More about it: ${uri}` } : {}),
    });
  }
  const state = get('state');
  if (state !== expected.state) {
    throw new FlowError({
      code: 'state_mismatch',
      message:
        state === undefined
          ? 'The callback has no state parameter, so it cannot be tied to this login; the code was not redeemed.'
          : 'The callback carries a different state than this login sent (a forged or stale callback); the code was not redeemed.',
      expected: expected.state,
      actual: state ?? '(missing)',
    });
  }
  const iss = get('iss');
  if (iss !== undefined && iss !== expected.issuer) {
    throw new FlowError({
      code: 'iss_mismatch',
      message: `The callback says it came from ${iss}, not from ${expected.issuer} (RFC 9207 mix-up defence); the code was not redeemed.`,
      expected: expected.issuer,
      actual: iss,
    });
  }
  const code = get('code');
  if (!code) {
    throw new FlowError({ code: 'missing_code', message: 'The callback has neither a code nor an error.' });
  }
  return code;
}
