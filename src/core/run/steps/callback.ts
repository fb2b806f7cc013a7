import { fenced } from '../../report/markdown.ts';
import type { Params } from '../../protocol/params.ts';
import { exchangesMarkdown } from '../../report/exchange-markdown.ts';
import { exchangesArrows, urlPath, type Arrow } from './arrows.ts';
import type { StepBase, StepDef } from './step.ts';

/**
 * RFC 6749 §4.1.2: the way back from the provider, with `code` (or `error`), `state` and `iss`. When
 * the login window failed, its one exchange is the authorization request read again by the extension.
 */
export interface CallbackStep extends StepBase {
  kind: 'callback';
  url?: string;
  params: Params;
}

export const callback = {
  title: 'stepCallback',
  checkGroups: [['callback', 'checksCallback']],
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
        // Words, never an id: "The provider refused the authorization request", not `login_refused`.
        detail: step.error ? w.tOr(`error_${step.error.code}`, step.error.code) : '',
        failed: step.status === 'failed',
        step: i,
      },
      ...exchangesArrows(step, i, run, w),
    ];
  },
  report: (step, w) => [
    `### ${w.t('reportCallback')}`,
    fenced(step.url ?? w.t('reportNoCallback')),
    ...exchangesMarkdown(step, w, () => w.t('exchangeAuthorizeReread')),
  ],
  answersCredentials: false,
} satisfies StepDef<CallbackStep>;
