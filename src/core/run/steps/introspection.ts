import { actionMarkdown } from '../../report/exchange-markdown.ts';
import { exchangesArrows } from './arrows.ts';
import type { StepBase, StepDef, TokenHint } from './step.ts';

/** RFC 7662: whether the provider holds a token active, and what it says about it. */
export interface IntrospectionStep extends StepBase {
  kind: 'introspection';
  token: TokenHint;
  fields?: Record<string, unknown>;
}

const ofToken = (step: IntrospectionStep) =>
  step.token === 'access_token' ? 'introspectionOfAccessToken' : 'introspectionOfRefreshToken';

export const introspection = {
  title: 'stepIntrospection',
  checkGroups: [['introspection', 'checksIntrospection']],
  own: { role: 'introspection', name: 'stepIntrospection' },
  arrows: exchangesArrows,
  report: (step, w) => actionMarkdown(w.t(ofToken(step)), step, w, 'introspection'),
  answersCredentials: true,
  action: {
    endpoint: 'introspection',
    buttons: [
      ['actionIntrospectAccess', 'access_token'],
      ['actionIntrospectRefresh', 'refresh_token'],
    ],
  },
} satisfies StepDef<IntrospectionStep>;
