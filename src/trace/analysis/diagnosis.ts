import { readProviderError } from '../../core/protocol/provider-error.ts';
import { bodyText, header, type HarEntry } from './har.ts';
import { say, type Part, type Said } from '../../core/i18n/say.ts';
import type { MessageId } from '../../core/view/words.ts';

const PROVIDER_ERRORS: Record<string, MessageId> = {
  access_denied: 'dxAccessDenied',
  login_required: 'dxLoginRequired',
  consent_required: 'dxConsentRequired',
  interaction_required: 'dxInteractionRequired',
  invalid_scope: 'dxInvalidScope',
  unauthorized_client: 'dxUnauthorizedClient',
  invalid_request: 'dxInvalidRequest',
};
const TOKEN_ERRORS: Record<string, MessageId> = {
  invalid_grant: 'dxInvalidGrant',
  invalid_client: 'dxInvalidClient',
  unauthorized_client: 'dxUnauthorizedGrant',
  invalid_scope: 'dxTokenInvalidScope',
};
/** Our plain words, with the provider's own description beside them, verbatim, never replaced. */
const withTheirWords = (ours: Said, description: string | null | undefined): Part =>
  description ? say('dxTheirWords', ours, description) : ours;

/** The plain words for an error code (with the provider's description); else its description as it came. */
const explained = (
  table: Record<string, MessageId>,
  error: string,
  description: string | null | undefined,
  otherwise: MessageId,
): Part =>
  Object.hasOwn(table, error)
    ? withTheirWords(say(table[error]!), description)
    : (description ?? say(otherwise));

/** What the HAR shows of one login: its callback and token call, as far as they were seen. */
export interface Seen {
  callback: HarEntry | undefined;
  answer: URLSearchParams | undefined;
  token: HarEntry | undefined;
  tokenForm: URLSearchParams | undefined;
  tokenBody: Record<string, unknown> | undefined;
  redirectUri: string;
  /** Every token call that redeemed this login's code, the first one being `token`. */
  redeems: HarEntry[];
  /** The callback's `state` is not the one the authorize request sent. */
  forged: boolean;
  /** The authorization request sent a PKCE challenge. */
  pkce: boolean;
  /** The provider's sign-in page named its own error (said instead of "the callback never came"). */
  pageError: boolean;
}

/** What went wrong, in plain words for support staff; empty when nothing did. */
export function diagnose(seen: Seen): Said[] {
  const diagnosis: Said[] = [];
  const { callback, answer, token, tokenForm, tokenBody, redirectUri } = seen;
  const providerError = answer?.get('error');
  if (!callback && !seen.pageError) diagnosis.push(say('dxNoCallback'));
  else if (providerError)
    diagnosis.push(
      say(
        'dxProviderAnswered',
        providerError,
        explained(PROVIDER_ERRORS, providerError, answer?.get('error_description'), 'dxSeeCallback'),
      ),
    );
  const appAnswer =
    callback && !providerError && answer?.has('code') ? callbackAnswered(callback, redirectUri) : undefined;
  if (appAnswer) diagnosis.push(appAnswer);
  if (seen.forged) diagnosis.push(say('dxForged'));
  // No token request: a login with PKCE is what a browser app sends, and a browser app redeems from
  // the page (a confidential app's server redeems out of the browser's sight: a success, said apart).
  else if (callback && !providerError && !token && seen.pkce) diagnosis.push(say('dxNeverRedeemed'));
  if (token?.response.status === 0) diagnosis.push(say('dxBlocked'));
  if (seen.redeems.length > 1) {
    const again = seen.redeems.slice(1).map((e) => e.response.status);
    diagnosis.push(say('dxCodeReused', seen.redeems.length, again.join(', ')));
  }
  if (token) {
    const differs = !!tokenForm && tokenForm.get('redirect_uri') !== redirectUri;
    diagnosis.push(...tokenAnswered(token, tokenBody, differs));
  }
  return diagnosis;
}

const pathOf = (url: string) => url.split(/[?#]/)[0]!.toLowerCase();
/** An app's own error page: a query parameter that names an error or a failure (`?calendarSync=error`). */
const ERROR_PAGE = /[?&#][^=&#]*(error|fail)[^=&#]*=|=[^&#]*\b(error|failed|failure)\b/i;

/**
 * The app's own answer to its callback, when the provider succeeded (a code came): an error status, or
 * a redirect to an error page of its own. Only the request at the redirect URI itself is the app's.
 */
function callbackAnswered(callback: HarEntry, redirectUri: string): Said | undefined {
  if (pathOf(callback.request.url) !== pathOf(redirectUri)) return undefined;
  const { status } = callback.response;
  if (status >= 400) return say('dxCallbackStatus', status);
  const to = header(callback.response.headers, 'location') ?? callback.response.redirectURL;
  if (status >= 300 && to && ERROR_PAGE.test(to)) return say('dxCallbackErrorPage', to);
  return undefined;
}

/** The success line: tokens issued, or (no PKCE, no token request) a code handed to the app's server. */
export function succeeded(seen: Seen, diagnosis: Said[], tokensIssued: boolean): Said | undefined {
  if (diagnosis.length) return undefined;
  if (tokensIssued) return say('okRedeemed');
  const { callback, answer, token } = seen;
  if (callback && answer?.has('code') && !token && !seen.pkce && !seen.forged) return say('okServerSide');
  return undefined;
}

/**
 * A token answer's error in plain words, the provider's description beside them; or its HTTP status
 * when it came without an error code. `differs`: the redirect_uri was not the authorization request's.
 */
export function tokenAnswered(
  token: HarEntry,
  body: Record<string, unknown> | undefined,
  differs: boolean,
): Said[] {
  const error = typeof body?.error === 'string' ? body.error : undefined;
  if (!error) return token.response.status >= 400 ? [say('dxTokenStatus', token.response.status)] : [];
  const description = typeof body?.error_description === 'string' ? body.error_description : undefined;
  return [
    say(
      'dxTokenAnswered',
      error,
      differs && error === 'invalid_grant'
        ? withTheirWords(say('dxRedirectDiffers'), description)
        : explained(TOKEN_ERRORS, error, description, 'dxSeeResponse'),
    ),
  ];
}

/**
 * The error a provider's own page or JSON answer names, in its words, with the provider's error
 * reference where one exists (`readProviderError`: the one reader the inspector shares).
 */
export function providerPageError(entry: HarEntry): Said[] | undefined {
  const found = readProviderError({
    url: entry.request.url,
    status: entry.response.status,
    body: bodyText(entry) ?? '',
  });
  if (!found) return undefined;
  const host = /^[a-z][a-z\d+.-]*:\/\/([^/?#]*)/i.exec(entry.request.url)?.[1] ?? entry.request.url;
  return [
    found.description
      ? say('dxProviderPage', host, found.error, found.description)
      : say('dxProviderPageBare', host, found.error),
    ...(found.reference ? [say('dxErrorReference', found.reference)] : []),
  ];
}
