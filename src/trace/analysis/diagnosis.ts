import type { HarEntry } from './har.ts';
import { say, type Part, type Said } from '../../core/say.ts';
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
}

/** What went wrong, in plain words for support staff; empty when nothing did. */
export function diagnose(seen: Seen): Said[] {
  const diagnosis: Said[] = [];
  const { callback, answer, token, tokenForm, tokenBody, redirectUri } = seen;
  const providerError = answer?.get('error');
  if (!callback) diagnosis.push(say('dxNoCallback'));
  else if (providerError)
    diagnosis.push(
      say(
        'dxProviderAnswered',
        providerError,
        explained(PROVIDER_ERRORS, providerError, answer?.get('error_description'), 'dxSeeCallback'),
      ),
    );
  if (seen.forged) diagnosis.push(say('dxForged'));
  else if (callback && !providerError && !token) diagnosis.push(say('dxServerSide'));
  if (token?.response.status === 0) diagnosis.push(say('dxBlocked'));
  const tokenError = typeof tokenBody?.error === 'string' ? tokenBody.error : undefined;
  if (token && !tokenError && token.response.status >= 400)
    diagnosis.push(say('dxTokenStatus', token.response.status));
  if (seen.redeems.length > 1) {
    const again = seen.redeems.slice(1).map((e) => e.response.status);
    diagnosis.push(say('dxCodeReused', seen.redeems.length, again.join(', ')));
  }
  if (tokenError) {
    const differs = tokenForm && tokenForm.get('redirect_uri') !== redirectUri;
    const description =
      typeof tokenBody?.error_description === 'string' ? tokenBody.error_description : undefined;
    diagnosis.push(
      say(
        'dxTokenAnswered',
        tokenError,
        differs && tokenError === 'invalid_grant'
          ? withTheirWords(say('dxRedirectDiffers'), description)
          : explained(TOKEN_ERRORS, tokenError, description, 'dxSeeResponse'),
      ),
    );
  }
  return diagnosis;
}
