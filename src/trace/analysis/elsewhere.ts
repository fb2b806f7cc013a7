import { say, type Said } from '../../core/i18n/say.ts';
import { originAndPath } from '../../core/protocol/params.ts';
import { blockedCall } from './blocked.ts';
import { providerPageError } from './diagnosis.ts';
import { originOf, paramsOf, type HarEntry } from './har.ts';
import type { HarIndex } from './har-index.ts';

/**
 * What a recording shows besides OAuth logins: a password posted to an identity provider's own sign-in
 * API (not the app's server), a SAML sign-in, and the requests that went nowhere before any login began.
 */

/** Identity providers' own sign-in endpoints, by host and path: a password posted there is the provider's. */
const IDENTITY_APIS: RegExp[] = [
  /^https:\/\/login\.(microsoftonline|live|windows)\.(com|net)\//i,
  /^https:\/\/[^/]+\.b2clogin\.com\//i,
  /^https:\/\/accounts\.google\.com\//i,
  /^https:\/\/(identitytoolkit|securetoken)\.googleapis\.com\//i,
  /^https:\/\/cognito-idp\.[^/]+\.amazonaws\.com\//i,
  /^https:\/\/[^/]+\/(co\/authenticate|usernamepassword\/login)\b/i, // Auth0
  /^https:\/\/[^/]+\/api\/v1\/authn\b|^https:\/\/[^/]+\/idp\/idx\//i, // Okta
  /^https:\/\/[^/]+\/realms\/[^/]+\/login-actions\//i, // Keycloak
  /^https:\/\/[^/]+\/json\/(realms\/[^/]+\/)*authenticate\b/i, // ForgeRock / PingAM
];

export const isIdentityApi = (url: string): boolean => IDENTITY_APIS.some((re) => re.test(url));

/** A password posted to an identity provider's sign-in API, with its answer in the provider's words. */
export function providerSignIn(e: HarEntry, back: Said): Said {
  const host = /^[a-z][a-z\d+.-]*:\/\/([^/?#]*)/i.exec(e.request.url)?.[1] ?? e.request.url;
  const page = providerPageError(e);
  return page
    ? say('noteProviderSignIn', host, e.response.status, page[0]!)
    : say('noteProviderSignInBack', host, e.response.status, back);
}

/** A SAML 2.0 sign-in: an AuthnRequest or a Response in a URL or a form. */
export function samlSignIn(har: HarIndex): Said | undefined {
  const saml = har.sorted.find(
    (e) =>
      /[?&]SAML(Request|Response)=/.test(e.request.url) ||
      /(^|&)SAML(Request|Response)=/.test(e.request.postData?.text ?? ''),
  );
  return saml ? say('noteSaml', originAndPath(saml.request.url)) : undefined;
}

/** A host's site, roughly: its last two labels (`api.app.example` and `app.example` are one site). */
const siteOf = (url: string) =>
  /^[a-z][a-z\d+.-]*:\/\/(?:[^/?#@]*@)?([^/?#:]*)/i.exec(url)?.[1]?.split('.').slice(-2).join('.') ?? '';

const DISCOVERY =
  /\/\.well-known\/(openid-configuration|oauth-authorization-server|oauth-protected-resource)/;
/** Net errors that are no failure of the login: a navigation the browser itself cancelled. */
const NOT_A_FAILURE = new Set(['net::ERR_ABORTED']);

/**
 * Requests that went nowhere before any login began: a discovery or metadata request the browser did
 * not complete (a refused preflight, a CORS refusal), and app requests that never got an answer. Each
 * with its URL and what the browser recorded; at most a handful.
 */
export function wentNowhere(har: HarIndex, firstLogin: string | undefined, providers: Set<string>): Said[] {
  const found: Said[] = [];
  const failed = (e: HarEntry) => e.response.status === 0 || e.response.error !== undefined;
  // A URL answered once (a retry, a second recorder entry for the same request) did not go nowhere.
  const answered = new Set(
    har.sorted.filter((e) => !failed(e) && e.request.method !== 'OPTIONS').map((e) => e.request.url),
  );
  const said = new Set<string>();
  // The app is the site of the first page the recording loaded; a failed beacon to a telemetry host is not its request.
  const page = har.sorted.find(
    (e) => e.request.method === 'GET' && /html/i.test(e.response.content?.mimeType ?? ''),
  );
  const app = siteOf((page ?? har.sorted[0])?.request.url ?? '');
  for (const e of har.sorted) {
    if (found.length >= 5 || (firstLogin !== undefined && e.startedDateTime >= firstLogin)) break;
    const { error, status } = e.response;
    if (
      e.request.method === 'OPTIONS' ||
      !failed(e) ||
      answered.has(e.request.url) ||
      said.has(originAndPath(e.request.url))
    )
      continue;
    if (providers.has(originOf(e.request.url))) continue;
    said.add(originAndPath(e.request.url));
    if (DISCOVERY.test(e.request.url)) {
      const why = blockedCall('discovery', e, har.preflight(e));
      if (why) found.push(say('noteWentNowhere', e.request.method, originAndPath(e.request.url), why));
    } else if (
      status === 0 &&
      error !== undefined &&
      !NOT_A_FAILURE.has(error) &&
      siteOf(e.request.url) === app &&
      !paramsOf(e.request.url).has('code')
    )
      found.push(say('noteNoAnswer', e.request.method, originAndPath(e.request.url), error));
  }
  return found;
}
