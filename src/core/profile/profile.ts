import { extraParamProblems } from '../protocol/extra-params.ts';
import { ENDPOINT_LABELS, ENDPOINT_NAMES } from './endpoint-labels.ts';
import { BTG_ID_PRESET } from './presets.ts';
import { PROVIDER_URL, urlProblem } from '../protocol/url-rules.ts';
import { PROMPTS, type Prompt } from './prompts.ts';
import { say, type Said } from '../i18n/say.ts';
import { flowInfo } from './flows.ts';
import type { Endpoints, Profile } from './profile-types.ts';

export {
  ASSERTION_AUDIENCES,
  CLIENT_AUTH_METHODS,
  FLOWS,
  KEY_ALGS,
  type AssertionAudience,
  type ClientAuthMethod,
  type ClientKey,
  type KeyAlg,
  type PublicJwk,
  type Endpoints,
  type Flow,
  type Profile,
} from './profile-types.ts';
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
