import type { TokenFields } from '../../protocol/token.ts';
import { actionMarkdown } from '../../report/exchange-markdown.ts';
import { exchangesArrows } from './arrows.ts';
import type { StepBase, StepDef } from './step.ts';
import type { TokenResponseParts } from './token.ts';

/** Whether a refresh brought a new refresh token (RFC 6749 §6, §10.4). */
export type Rotation = 'rotated' | 'unchanged' | 'none';

/** RFC 6749 §6 (OIDC Core §12.2 on a new ID token); its exchanges after the first are JWKS fetches. */
export interface RefreshStep extends StepBase, TokenResponseParts {
  kind: 'refresh';
  /** The token response this one replaces, to show what changed. */
  previous?: TokenFields;
  rotation?: Rotation;
}

export const refresh = {
  title: 'stepRefresh',
  checkGroups: [['refresh', 'checksRefresh']],
  own: { role: 'token', name: 'stepRefresh' },
  arrows: exchangesArrows,
  report: (step, w) => actionMarkdown(w.t('stepRefresh'), step, w, 'token'),
  answersCredentials: true,
  answersTokens: true,
  action: { endpoint: 'token', sends: 'refresh_token', buttons: [['actionRefresh']] },
} satisfies StepDef<RefreshStep>;
