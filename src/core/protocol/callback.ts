import { checkTitleId, type Check } from '../checks/check.ts';
import { callbackChecks, type CallbackExpectations } from '../checks/callback-checks.ts';
import type { FlowErrorCode, FlowErrorInfo } from '../flow-error.ts';
import type { Params } from './params.ts';
import { say, sayHint } from '../i18n/say.ts';
import { requestObjectHint } from './jar.ts';

const STOP_CODES: Record<string, FlowErrorCode> = {
  'callback.redirect_uri': 'callback_elsewhere',
  'callback.duplicates': 'duplicate_parameter',
  'callback.state': 'state_mismatch',
  'callback.iss': 'iss_mismatch',
  'callback.no_tokens': 'tokens_in_callback',
};

/** The value inside a check's found words (`exRepeated` names, `exCarries` tokens): decided on ids, never on English. */
const foundValue = (c: Check): string => {
  const [value] = c.actualSay?.subs ?? [];
  return typeof value === 'string' ? value : (c.actual ?? '');
};

const STOP_MESSAGES: Record<string, (c: Check) => ReturnType<typeof say>> = {
  'callback.redirect_uri': (c) => say('stopElsewhere', c.actual ?? '', c.expected ?? ''),
  'callback.duplicates': (c) => say('stopDuplicates', foundValue(c)),
  'callback.state': (c) => say(c.actualSay?.id === 'valueMissing' ? 'stopNoState' : 'stopState'),
  'callback.iss': (c) =>
    c.actualSay?.id === 'exMissingAdvertised'
      ? say('stopNoIss')
      : say('stopIss', c.actual ?? '', c.expected ?? ''),
  'callback.no_tokens': (c) => say('stopTokens', foundValue(c)),
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
/**
 * The authorization response read (RFC 6749 §4.1.2): the one async function over the callback the
 * flow calls, so a signed response (JARM) can be verified here before `state` and `code` are used.
 * `params` are the callback's (recorded as secrets by the caller before anything is judged).
 */
export const readAuthorizationResponse = (
  callbackUrl: string,
  params: Params,
  expected: CallbackExpectations,
): Promise<CallbackReading> => Promise.resolve(readCallback(callbackUrl, params, expected));

/**
 * RFC 9126 §5: a provider may require pushed requests of one client, which discovery does not show;
 * it says so in the authorization response (oidc-provider: "Pushed Authorization Request must be used").
 */
export const parRequired = (error: string, description: string | undefined): boolean =>
  error === 'invalid_request' && /pushed authori[sz]ation request/i.test(description ?? '');

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
      ...say('providerRefused', `${providerError}${description ? ` — ${description}` : ''}`),
      actual: providerError,
      ...(uri
        ? sayHint('moreAboutIt', uri)
        : parRequired(providerError, description)
          ? sayHint('hintParRequired')
          : (requestObjectHint(providerError, description) ?? {})),
    };
    return { checks, error };
  }
  if (failed) {
    const slashOnly =
      failed.id === 'callback.iss' &&
      failed.actual?.replace(/\/+$/, '') === failed.expected?.replace(/\/+$/, '');
    const error: FlowErrorInfo = {
      code: STOP_CODES[failed.id] ?? 'state_mismatch',
      ...(STOP_MESSAGES[failed.id]?.(failed) ?? say(checkTitleId(failed.id))),
      expected: failed.expected,
      actual: failed.actual,
      ...(slashOnly ? sayHint('hintTrailingSlash') : {}),
    };
    return { checks, error };
  }
  const code = get('code');
  if (!code) {
    return {
      checks,
      error: {
        code: 'missing_code',
        ...say('stopNoCode'),
      },
    };
  }
  return { checks, code };
}
