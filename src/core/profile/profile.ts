import { extraParamProblems } from '../protocol/extra-params.ts';
import { ENDPOINT_LABELS, ENDPOINT_NAMES } from '../view/endpoint-labels.ts';
import { BTG_ID_PRESET } from './presets.ts';
import { PROVIDER_URL, urlProblem } from '../protocol/url-rules.ts';
import { PROMPTS, type Prompt } from '../view/prompts.ts';
import { say, type Said } from '../i18n/say.ts';
import { flowInfo } from '../view/flows.ts';

/** What the popup collects for one flow; the client secret travels beside it, never inside. */
export interface Profile {
  issuer: string;
  clientId: string;
  redirectUri: string;
  /** Space-separated, as sent in the `scope` parameter. */
  scopes: string;
  usePkce: boolean;
  /** '' means the parameter is not sent. */
  prompt: Prompt;
  endpoints: Endpoints;
  /** How the client authenticates at the token endpoint (RFC 6749 §2.3); default client_secret_basic. */
  clientAuth?: ClientAuthMethod;
  /** RFC 6749 §2.3.1 form-urlencoding of the Basic credential (default on; some servers want it raw). */
  encodeBasic?: boolean;
  /** Default: authorization_code (a login). client_credentials has no login window (RFC 6749 §4.4). */
  flow?: Flow;
  /** More authorize request parameters (`max_age`, `login_hint`, `acr_values`…); a name may repeat. */
  extraAuthorize?: [name: string, value: string][];
  /** More token request parameters (`resource`…). */
  extraToken?: [name: string, value: string][];
}

export const FLOWS = ['authorization_code', 'client_credentials'] as const;
export type Flow = (typeof FLOWS)[number];

/** `token_endpoint_auth_method` values the tool speaks (OIDC Registration §2). */
export const CLIENT_AUTH_METHODS = ['client_secret_basic', 'client_secret_post', 'none'] as const;
export type ClientAuthMethod = (typeof CLIENT_AUTH_METHODS)[number];

export interface Endpoints {
  authorization: string;
  token: string;
  jwks: string;
  /** For the inspector's actions after the login; filled from discovery when it publishes them. */
  userinfo?: string;
  revocation?: string;
  introspection?: string;
}

export { PROMPTS, type Prompt };

/** The profile a new user starts from: BTG Id's, with the extension's redirect URL. */
export function defaultProfile(redirectUri: string): Profile {
  return { ...BTG_ID_PRESET, clientId: '', redirectUri, endpoints: { ...BTG_ID_PRESET.endpoints } };
}

export function scopeList(scopes: string): string[] {
  return scopes.split(/\s+/).filter(Boolean);
}

export function requestsOpenId(scopes: string): boolean {
  return scopeList(scopes).includes('openid');
}

/** Discovery §4.1: the issuer is an https URL (http on loopback) with no query, fragment or credentials. */
export function issuerProblem(issuer: string): Said | undefined {
  const problem = urlProblem(say('issuer'), issuer, PROVIDER_URL);
  if (problem) return problem;
  return new URL(issuer).search ? say('issuerQuery') : undefined;
}

const REQUIRED: ReadonlySet<keyof Endpoints> = new Set(['authorization', 'token']);

/**
 * Problems with endpoints, typed or read from discovery: the same rules either way. Without a login
 * (client credentials) the authorization endpoint is not needed.
 */
export function endpointProblems(endpoints: Endpoints, login = true): Said[] {
  return ENDPOINT_NAMES.flatMap((k) => {
    const problem = urlProblem(say(ENDPOINT_LABELS[k]), endpoints[k] ?? '', {
      ...PROVIDER_URL,
      required: REQUIRED.has(k) && (login || k !== 'authorization'),
    });
    return problem ? [problem] : [];
  });
}

/** Every problem with the form, in the order the fields appear; an empty list means it can start. */
export function profileProblems(profile: Profile): Said[] {
  const login = flowInfo(profile).login;
  const problems = [
    issuerProblem(profile.issuer),
    profile.clientId.trim() === '' ? say('urlEmpty', say('clientId')) : undefined,
    login
      ? urlProblem(say('redirectUri'), profile.redirectUri, { required: true, httpsOffLoopback: false })
      : undefined,
    ...endpointProblems(profile.endpoints, login),
  ];
  if (!login && profile.clientAuth === 'none') problems.push(say('problemClientCredentialsPublic'));
  problems.push(...extraParamProblems(profile));
  if (login && profile.clientAuth === 'none' && !profile.usePkce) problems.push(say('problemPublicPkce'));
  if (!(PROMPTS as readonly string[]).includes(profile.prompt))
    problems.push(say('problemPrompt', profile.prompt));
  return problems.filter((p): p is Said => p !== undefined);
}
