import { actionMarkdown } from '../../report/exchange-markdown.ts';
import { exchangesArrows } from './arrows.ts';
import { jwksName, type StepBase, type StepDef } from './step.ts';

/** OIDC Core §5.3: the claims for the access token; a signed answer's JWKS fetches follow its request. */
export interface UserinfoStep extends StepBase {
  kind: 'userinfo';
  claims?: Record<string, unknown>;
}

export const userinfo = {
  title: 'stepUserinfo',
  checkGroups: [['userinfo', 'checksUserinfo']],
  exchangeName: (_step, i) => (i === 0 ? 'stepUserinfo' : jwksName(i - 1)),
  arrows: exchangesArrows,
  report: (step, w) => actionMarkdown(w.t('stepUserinfo'), step, w),
  answersCredentials: true,
  action: { endpoint: 'userinfo', sends: 'access_token', buttons: [['actionUserinfo']] },
} satisfies StepDef<UserinfoStep>;
