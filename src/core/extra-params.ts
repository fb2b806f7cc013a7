import type { Profile } from './profile.ts';

export type ParamRows = [name: string, value: string][];

/** Parameters the tool sends itself, and the field that controls each (a row may not override them). */
const AUTHORIZE_OWN: Record<string, string> = {
  client_id: 'the Client ID field',
  response_type: 'the flow (always code)',
  redirect_uri: 'the Redirect URI field',
  scope: 'the Scopes field',
  state: 'the tool (a fresh value each run)',
  nonce: 'the tool (a fresh value each run)',
  code_challenge: 'Use PKCE',
  code_challenge_method: 'Use PKCE',
  prompt: 'the Prompt field',
};
const TOKEN_OWN: Record<string, string> = {
  grant_type: 'the Flow field',
  code: 'the callback',
  redirect_uri: 'the Redirect URI field',
  code_verifier: 'Use PKCE',
  client_id: 'Client authentication',
  client_secret: 'Client authentication',
  client_assertion: 'Client authentication',
  client_assertion_type: 'Client authentication',
  refresh_token: 'the Refresh tokens action',
  scope: 'the Scopes field',
};

const problemsOf = (rows: ParamRows | undefined, where: string, own: Record<string, string>): string[] =>
  (rows ?? []).flatMap(([name], i) => {
    const trimmed = name.trim();
    if (!trimmed) return [`${where} parameter ${i + 1} has no name.`];
    const controller = Object.hasOwn(own, trimmed) ? own[trimmed] : undefined;
    return controller
      ? [`${where} parameter "${trimmed}" is sent by the tool; set it with ${controller}.`]
      : [];
  });

/** Why the extra parameter rows cannot be sent as they are; empty when they can. */
export const extraParamProblems = (profile: Profile): string[] => [
  ...problemsOf(profile.extraAuthorize, 'Authorization request', AUTHORIZE_OWN),
  ...problemsOf(profile.extraToken, 'Token request', TOKEN_OWN),
];

/** The rows as request parameters: names trimmed, values as typed, repeats kept, empty rows dropped. */
export const extraParams = (rows: ParamRows | undefined): ParamRows =>
  (rows ?? []).filter(([name]) => name.trim() !== '').map(([name, value]) => [name.trim(), value]);

/** The value of a parameter among the extra rows (the first, when repeated). */
export const extraParam = (rows: ParamRows | undefined, name: string): string | undefined =>
  extraParams(rows).find(([n]) => n === name)?.[1];
