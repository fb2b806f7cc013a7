import type { Params } from '../../protocol/params.ts';
import { exchangesMarkdown } from '../../report/exchange-markdown.ts';
import { exchangesArrows } from './arrows.ts';
import { ROLE_NAMES, type StepBase, type StepDef } from './step.ts';

/**
 * RFC 9126: the pushed authorization request, made before the login window opens, with every
 * authorization parameter; its answer's `request_uri` is what the window then carries.
 */
export interface ParStep extends StepBase {
  kind: 'par';
  /** The parameters pushed (before the client's authentication). */
  params: Params;
  requestUri?: string;
  expiresIn?: number;
}

export const par = {
  title: 'stepPar',
  checkGroups: [['par', 'checksPar']],
  own: { role: 'par', name: 'exchangePar' },
  arrows: exchangesArrows,
  report: (step, w) =>
    exchangesMarkdown(step, w, (ex) => w.t(ex.role === 'par' ? 'stepPar' : ROLE_NAMES[ex.role])),
  answersCredentials: false,
} satisfies StepDef<ParStep>;
