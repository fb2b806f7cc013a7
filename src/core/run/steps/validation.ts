import { exchangesMarkdown } from '../../report/exchange-markdown.ts';
import { exchangesArrows } from './arrows.ts';
import { ROLE_NAMES, type StepBase, type StepDef } from './step.ts';

/** The login's tokens checked (OIDC Core §3.1.3.7, RFC 9068): its exchanges are the JWKS fetches. */
export interface ValidationStep extends StepBase {
  kind: 'validation';
}

export const validation = {
  title: 'stepValidation',
  checkGroups: [
    ['id_token', 'checksIdToken'],
    ['access_token', 'checksAccessToken'],
    ['fapi', 'checksFapi'],
  ],
  arrows: exchangesArrows,
  report: (step, w) => exchangesMarkdown(step, w, (ex) => w.t(ROLE_NAMES[ex.role])),
  answersCredentials: false,
} satisfies StepDef<ValidationStep>;
