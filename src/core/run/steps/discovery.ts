import type { Say } from '../../flow-error.ts';
import { exchangeMarkdown } from '../../report/exchange-markdown.ts';
import { exchangesArrows } from './arrows.ts';
import type { StepBase, StepDef } from './step.ts';

/** OpenID Connect Discovery 1.0 §4: the provider's metadata, fetched before the login. */
export interface DiscoveryStep extends StepBase {
  kind: 'discovery';
  /** A run stored before message ids keeps its note's English here; new ones are `noteSay`. */
  note?: string;
  noteSay?: Say;
  metadata?: Record<string, unknown>;
}

export const discovery = {
  title: 'stepDiscovery',
  checkGroups: [['discovery', 'checksDiscovery']],
  own: { role: 'discovery', name: 'stepDiscovery' },
  arrows: exchangesArrows,
  report: (step, w) => step.exchanges.flatMap((ex) => exchangeMarkdown(w.t('stepDiscovery'), ex, w)),
  answersCredentials: false,
} satisfies StepDef<DiscoveryStep>;
