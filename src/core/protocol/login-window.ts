import type { FlowErrorInfo, LoginWindowFailureKind } from '../flow-error.ts';
import { say, sayHint } from '../i18n/say.ts';
import type { Exchange, HttpRequest } from './http.ts';
import { readProviderError, refusalCause, titledPage, type ProviderError } from './provider-error.ts';

export type { LoginWindowFailureKind };

/** A login window's failure, as the platform reads it from the browser (`platform/chromium/`, `platform/firefox/`). */
export interface LoginWindowFailure {
  kind: LoginWindowFailureKind;
  message: string;
}

/** The failures after which the provider's own answer is worth reading: Chromium closes its window on an error status. */
export const rereadAfter = (kind: LoginWindowFailureKind): boolean =>
  kind === 'closed' || kind === 'not_loaded';

/**
 * The authorization request once more, as the extension sends it: no cookies (`performExchange`
 * omits them), no redirect followed (a redirect is opaque to `fetch`: that it happened is all we learn).
 */
export const rereadRequest = (authorizeUrl: string): HttpRequest => ({
  method: 'GET',
  url: authorizeUrl,
  headers: { accept: 'text/html, application/json;q=0.9' },
});

/** What the provider answers the authorization request read again: a refusal, its login page, or a redirect. */
export type ProviderVerdict =
  | { kind: 'refused'; status: number; refusal: ProviderError }
  | { kind: 'page'; status: number }
  | { kind: 'redirected' };

/** Reads the exchange of `rereadRequest`; undefined when nothing came back (network, timeout). */
export function providerVerdict(exchange: Exchange): ProviderVerdict | undefined {
  if (exchange.failure?.code === 'redirect') return { kind: 'redirected' };
  const r = exchange.response;
  if (!r) return undefined;
  const refusal =
    readProviderError({ url: exchange.request.url, status: r.status, body: r.body }) ??
    (r.status >= 400
      ? (titledPage(r.body) ?? { error: `HTTP ${r.status}`, description: r.statusText })
      : undefined);
  return refusal ? { kind: 'refused', status: r.status, refusal } : { kind: 'page', status: r.status };
}

/** What the run knows of the request, to name the fix. */
export interface LoginContext {
  redirectUri: string;
  clientId: string;
  issuer: string;
}

/** The provider's refusal, its likely cause and the fix ("register <the Redirect URI sent>"). */
function refused(refusal: ProviderError, c: LoginContext, browser: string): FlowErrorInfo {
  const cause = refusalCause(refusal);
  const hint =
    cause === 'redirect_uri'
      ? sayHint('hintRegisterRedirect', c.redirectUri)
      : cause === 'client'
        ? sayHint('hintUnknownClient', c.clientId, c.issuer)
        : sayHint('hintProviderRefused');
  return {
    code: 'login_refused',
    ...say(refusal.description ? 'loginRefused' : 'loginRefusedBare', refusal.error, refusal.description),
    actual: browser,
    ...hint,
    refusal: { ...refusal, ...(cause ? { cause } : {}) },
  };
}

/**
 * A login window's failure in words a support person can act on, the browser's own words kept beside.
 * `verdict`: what the provider answered the same request read again, when it was: only an error there
 * is called the provider's refusal; a login page or a redirect means the window failed later.
 */
export function loginWindowError(
  { kind, message }: LoginWindowFailure,
  verdict?: ProviderVerdict,
  context?: LoginContext,
): FlowErrorInfo {
  if (verdict?.kind === 'refused' && context)
    return { ...refused(verdict.refusal, context, message), loginWindow: kind };
  const later =
    verdict?.kind === 'page'
      ? say('loginLaterPage', verdict.status)
      : verdict
        ? say('loginLaterRedirect')
        : undefined;
  if (kind === 'closed')
    return {
      code: 'login_cancelled',
      loginWindow: kind,
      ...say(later ? 'loginClosedLater' : 'loginClosed', ...(later ? [later] : [])),
      actual: message,
      ...sayHint('hintLoginClosed'),
    };
  const hint =
    kind === 'not_loaded'
      ? sayHint(later ? 'hintLoginNotLoadedLater' : 'hintLoginNotLoaded')
      : kind === 'wrong_url'
        ? sayHint('hintLoginWrongUrl')
        : undefined;
  return {
    code: 'login_failed',
    loginWindow: kind,
    ...(later ? say('loginFailedLater', message, later) : say('loginFailed', message)),
    actual: message,
    ...hint,
  };
}
