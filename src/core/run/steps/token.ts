import type { DecodedToken } from '../../protocol/jwt.ts';
import type { TokenFields } from '../../protocol/token.ts';
import { exchangesMarkdown } from '../../report/exchange-markdown.ts';
import { exchangesArrows } from './arrows.ts';
import { ROLE_NAMES, type StepBase, type StepDef } from './step.ts';

/** What a token response brought: the login's, or a refresh's. */
export interface TokenResponseParts {
  fields?: TokenFields;
  idToken?: DecodedToken;
  accessToken?: DecodedToken;
}

/** RFC 6749 §4.1.3–4.1.4 (or §4.4 for client credentials): the token request and its answer. */
export interface TokenStep extends StepBase, TokenResponseParts {
  kind: 'token';
}

export const token = {
  title: 'stepToken',
  checkGroups: [['token', 'checksToken']],
  own: { role: 'token', name: 'exchangeToken' },
  arrows: exchangesArrows,
  report: (step, w) =>
    exchangesMarkdown(step, w, (ex) => w.t(ex.role === 'token' ? 'stepToken' : ROLE_NAMES[ex.role])),
  answersCredentials: true,
  answersTokens: true,
} satisfies StepDef<TokenStep>;
