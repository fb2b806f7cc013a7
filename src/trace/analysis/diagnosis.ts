import type { HarEntry } from './har.ts';

const PROVIDER_ERRORS: Record<string, string> = {
  access_denied: 'The user (or a policy) refused the consent or the login.',
  login_required: 'prompt=none was sent but the user is not logged in at the provider.',
  consent_required: 'prompt=none was sent but the user has not consented to this client yet.',
  interaction_required: 'prompt=none was sent but the provider needs the user to act.',
  invalid_scope: 'A requested scope is unknown to the provider or not allowed for this client.',
  unauthorized_client: 'This client may not use this grant or response type.',
  invalid_request: 'The request is malformed (a missing or repeated parameter).',
};
const TOKEN_ERRORS: Record<string, string> = {
  invalid_grant:
    'The code was refused: it was already used, expired, or the redirect_uri differs from the authorize request’s.',
  invalid_client:
    'The client failed to authenticate: wrong client_id or secret, or another authentication method.',
  unauthorized_client: 'This client may not use the authorization_code grant.',
  invalid_scope: 'A requested scope is not allowed.',
};

/** What the HAR shows of one login: its callback and token call, as far as they were seen. */
export interface Seen {
  callback: HarEntry | undefined;
  answer: URLSearchParams | undefined;
  token: HarEntry | undefined;
  tokenForm: URLSearchParams | undefined;
  tokenBody: Record<string, unknown> | undefined;
  redirectUri: string;
}

/** What went wrong, in plain words for support staff; empty when nothing did. */
export function diagnose(seen: Seen): string[] {
  const diagnosis: string[] = [];
  const { callback, answer, token, tokenForm, tokenBody, redirectUri } = seen;
  const providerError = answer?.get('error');
  if (!callback)
    diagnosis.push(
      'The callback never came: the login was abandoned, or the provider showed an error page instead of redirecting.',
    );
  else if (providerError)
    diagnosis.push(
      `The provider answered ${providerError}: ${PROVIDER_ERRORS[providerError] ?? answer?.get('error_description') ?? 'see the callback.'}`,
    );
  if (callback && !providerError && !token)
    diagnosis.push(
      'No token request in the HAR: a server-side app redeems the code on its server, out of the browser’s sight. The front channel is still checked.',
    );
  if (token?.response.status === 0)
    diagnosis.push(
      'The browser blocked the token request (status 0): a CORS refusal, typical of an app redeeming the code from the page.',
    );
  const tokenError = typeof tokenBody?.error === 'string' ? tokenBody.error : undefined;
  if (tokenError) {
    const differs = tokenForm && tokenForm.get('redirect_uri') !== redirectUri;
    diagnosis.push(
      `The token endpoint answered ${tokenError}: ${differs && tokenError === 'invalid_grant' ? 'the redirect_uri differs from the authorize request’s.' : (TOKEN_ERRORS[tokenError] ?? 'see its response.')}`,
    );
  }
  return diagnosis;
}
