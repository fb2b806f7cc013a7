import { actionMarkdown } from '../../report/exchange-markdown.ts';
import { exchangesArrows } from './arrows.ts';
import type { StepBase, StepDef } from './step.ts';

/** OIDC Core §5.3: the claims for the access token; a signed answer's JWKS fetches follow its request. */
export interface UserinfoStep extends StepBase {
  kind: 'userinfo';
  claims?: Record<string, unknown>;
}

export const userinfo = {
  title: 'stepUserinfo',
  checkGroups: [['userinfo', 'checksUserinfo']],
  own: { role: 'userinfo', name: 'stepUserinfo' },
  arrows: exchangesArrows,
  report: (step, w) => actionMarkdown(w.t('stepUserinfo'), step, w, 'userinfo'),
  answersCredentials: true,
  action: { endpoint: 'userinfo', sends: 'access_token', buttons: [['actionUserinfo']] },
} satisfies StepDef<UserinfoStep>;
