import { actionMarkdown } from '../../report/exchange-markdown.ts';
import { exchangesArrows } from './arrows.ts';
import type { StepBase, StepDef, TokenHint } from './step.ts';

/** RFC 7009: the provider asked to revoke a token. */
export interface RevocationStep extends StepBase {
  kind: 'revocation';
  token: TokenHint;
}

export const revocation = {
  title: 'stepRevocation',
  checkGroups: [['revocation', 'checksRevocation']],
  own: { role: 'revocation', name: 'stepRevocation' },
  arrows: exchangesArrows,
  report: (step, w) => actionMarkdown(`${w.t('stepRevocation')} (${step.token})`, step, w, 'revocation'),
  answersCredentials: true,
  action: {
    endpoint: 'revocation',
    buttons: [
      ['actionRevokeAccess', 'access_token'],
      ['actionRevokeRefresh', 'refresh_token'],
    ],
  },
} satisfies StepDef<RevocationStep>;
