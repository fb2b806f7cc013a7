import { PROMPTS, type Prompt } from './view/prompts.ts';

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
}

export interface Endpoints {
  authorization: string;
  token: string;
  jwks: string;
}

export { PROMPTS, type Prompt };

export const BTG_ID_ISSUER = 'https://id.btgpactual.com';

export function defaultProfile(redirectUri: string): Profile {
  return {
    issuer: BTG_ID_ISSUER,
    clientId: '',
    redirectUri,
    scopes: 'openid',
    usePkce: true,
    prompt: 'login',
    endpoints: fallbackEndpoints(BTG_ID_ISSUER),
  };
}

/** The paths BTG Id documents, used when the provider publishes no discovery document. */
export function fallbackEndpoints(issuer: string): Endpoints {
  const base = issuer.replace(/\/+$/, '');
  return { authorization: `${base}/oauth2/authorize`, token: `${base}/oauth2/token`, jwks: '' };
}

export function scopeList(scopes: string): string[] {
  return scopes.split(/\s+/).filter(Boolean);
}

export function requestsOpenId(scopes: string): boolean {
  return scopeList(scopes).includes('openid');
}

function httpUrlProblem(label: string, value: string, required: boolean): string | undefined {
  if (value === '') return required ? `${label} is empty.` : undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `${label} "${value}" is not an absolute URL.`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return `${label} must start with https:// (or http:// for a local provider), not ${url.protocol}.`;
  }
  if (url.hash) return `${label} must not contain a #fragment.`;
  return undefined;
}

/** Discovery §4.1: the issuer is an https URL (http for loopback tests) with no query or fragment. */
export function issuerProblem(issuer: string): string | undefined {
  const problem = httpUrlProblem('Issuer', issuer, true);
  if (problem) return problem;
  return new URL(issuer).search ? 'Issuer must not contain a ?query.' : undefined;
}

/** Every problem with the form, in the order the fields appear; an empty list means it can start. */
export function profileProblems(profile: Profile): string[] {
  const problems = [
    issuerProblem(profile.issuer),
    profile.clientId.trim() === '' ? 'Client ID is empty.' : undefined,
    httpUrlProblem('Redirect URI', profile.redirectUri, true),
    httpUrlProblem('Authorization endpoint', profile.endpoints.authorization, true),
    httpUrlProblem('Token endpoint', profile.endpoints.token, true),
    httpUrlProblem('JWKS URI', profile.endpoints.jwks, false),
  ];
  if (!(PROMPTS as readonly string[]).includes(profile.prompt))
    problems.push(`Prompt "${profile.prompt}" is unknown.`);
  return problems.filter((p): p is string => p !== undefined);
}
