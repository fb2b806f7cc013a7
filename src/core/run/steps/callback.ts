import { fenced } from '../../report/markdown.ts';
import type { Params } from '../../protocol/params.ts';
import { urlPath, type Arrow } from './arrows.ts';
import type { StepBase, StepDef } from './step.ts';

/** RFC 6749 §4.1.2: the way back from the provider, with `code` (or `error`), `state` and `iss`. */
export interface CallbackStep extends StepBase {
  kind: 'callback';
  url?: string;
  params: Params;
}

export const callback = {
  title: 'stepCallback',
  checkGroups: [['callback', 'checksCallback']],
  exchangeName: () => 'stepCallback',
  arrows: (step, i, run, w): Arrow[] => {
    if (step.status === 'running')
      return [
        { from: 'provider', to: 'browser', label: w.t('seqLoggingIn'), detail: '…', failed: false, step: i },
      ];
    const names = step.params.map(([n]) => n).join(', ');
    const login = run.steps.find((s) => s.kind === 'authorize');
    const seconds = login ? Math.round((step.at - login.at) / 100) / 10 : undefined;
    return [
      {
        from: 'provider',
        to: 'browser',
        label: step.url ? `302 ${urlPath(step.url)}` : w.t('seqNoCallback'),
        detail: seconds === undefined ? '' : w.t('seqLogin', seconds),
        failed: !step.url,
        step: i,
      },
      {
        from: 'browser',
        to: 'extension',
        label: names ? w.t('seqCallback', names) : w.t('seqNoCallback'),
        detail: step.error?.code ?? '',
        failed: step.status === 'failed',
        step: i,
      },
    ];
  },
  report: (step, w) => [`### ${w.t('reportCallback')}`, fenced(step.url ?? w.t('reportNoCallback'))],
  answersCredentials: false,
} satisfies StepDef<CallbackStep>;
