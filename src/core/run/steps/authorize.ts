import { fenced } from '../../report/markdown.ts';
import type { Params } from '../../protocol/params.ts';
import { urlPath } from './arrows.ts';
import type { StepBase, StepDef } from './step.ts';

/** RFC 6749 §4.1.1: the authorization request the login window opens (no exchange of the extension's). */
export interface AuthorizeStep extends StepBase {
  kind: 'authorize';
  url: string;
  params: Params;
}

export const authorize = {
  title: 'stepAuthorize',
  checkGroups: [],
  arrows: (step, i, _run, w) => [
    { from: 'extension', to: 'browser', label: w.t('seqOpenLogin'), detail: '', failed: false, step: i },
    {
      from: 'browser',
      to: 'provider',
      label: `GET ${urlPath(step.url)}`,
      detail: '',
      failed: false,
      step: i,
    },
  ],
  report: (step, w) => [`### ${w.t('stepAuthorize')}`, fenced(step.url)],
  answersCredentials: false,
} satisfies StepDef<AuthorizeStep>;
