import { actionMarkdown } from '../../report/exchange-markdown.ts';
import { exchangesArrows } from './arrows.ts';
import type { StepBase, StepDef } from './step.ts';

/** What a published key is, as the page lists it (the key material itself stays in the exchange). */
export interface KeySummary {
  kid?: string;
  kty?: string;
  alg?: string;
  use?: string;
}

/** The provider's keys fetched again (RFC 7517 §5), to see what it publishes now. */
export interface JwksStep extends StepBase {
  kind: 'jwks';
  keys?: KeySummary[];
}

export const jwks = {
  title: 'stepJwks',
  checkGroups: [['jwks', 'checksJwks']],
  own: { role: 'jwks', name: 'stepJwks' },
  arrows: exchangesArrows,
  report: (step, w) => actionMarkdown(w.t('stepJwks'), step, w, 'jwks'),
  answersCredentials: false,
  action: { endpoint: 'jwks', sends: null, buttons: [['actionJwks']] },
} satisfies StepDef<JwksStep>;
