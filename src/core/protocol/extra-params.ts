import type { Profile } from '../profile/profile-types.ts';
import { say, type Said } from '../i18n/say.ts';
import type { MessageId } from '../i18n/words.ts';

export type ParamRows = [name: string, value: string][];

/** Parameters the tool sends itself, and the field that controls each (a row may not override them). */
const AUTHORIZE_OWN: Record<string, MessageId> = {
  client_id: 'ownClientId',
  response_type: 'ownFlowCode',
  redirect_uri: 'ownRedirectUri',
  scope: 'ownScopes',
  state: 'ownFresh',
  nonce: 'ownFresh',
  code_challenge: 'usePkce',
  code_challenge_method: 'usePkce',
  prompt: 'ownPrompt',
  // A request object (RFC 9101) or a pushed request's reference (RFC 9126) replaces the others: the
  // signed and pushed deliveries set them.
  request: 'ownRequestObject',
  request_uri: 'ownRequestObject',
};
const TOKEN_OWN: Record<string, MessageId> = {
  grant_type: 'ownFlow',
  code: 'ownCallback',
  redirect_uri: 'ownRedirectUri',
  code_verifier: 'usePkce',
  client_id: 'clientAuth',
  client_secret: 'clientAuth',
  client_assertion: 'clientAuth',
  client_assertion_type: 'clientAuth',
  refresh_token: 'ownRefreshAction',
  scope: 'ownScopes',
};

const problemsOf = (rows: ParamRows | undefined, where: MessageId, own: Record<string, MessageId>): Said[] =>
  (rows ?? []).flatMap(([name], i) => {
    const trimmed = name.trim();
    if (!trimmed) return [say('paramNoName', say(where), i + 1)];
    const controller = Object.hasOwn(own, trimmed) ? own[trimmed] : undefined;
    return controller ? [say('paramOwn', say(where), trimmed, say(controller))] : [];
  });

/** Why the extra parameter rows cannot be sent as they are; empty when they can. */
export const extraParamProblems = (profile: Profile): Said[] => [
  ...problemsOf(profile.extraAuthorize, 'whereAuthorize', AUTHORIZE_OWN),
  ...problemsOf(profile.extraToken, 'whereToken', TOKEN_OWN),
];

/** The rows as request parameters: names trimmed, values as typed, repeats kept, empty rows dropped. */
export const extraParams = (rows: ParamRows | undefined): ParamRows =>
  (rows ?? []).filter(([name]) => name.trim() !== '').map(([name, value]) => [name.trim(), value]);

/** The value of a parameter among the extra rows (the first, when repeated). */
export const extraParam = (rows: ParamRows | undefined, name: string): string | undefined =>
  extraParams(rows).find(([n]) => n === name)?.[1];
