import type { Exchange } from '../protocol/http.ts';
import type { Run, Step } from '../run/run.ts';
import type { Words } from './words.ts';

export type Lane = 'browser' | 'extension' | 'provider';
export const LANES: readonly Lane[] = ['browser', 'extension', 'provider'];

/** One arrow of the run's sequence diagram; `step` is the index of the step it belongs to. */
export interface Arrow {
  from: Lane;
  to: Lane;
  label: string;
  /** Status and duration ("HTTP 200 · 35 ms"), or why there is none. */
  detail: string;
  failed: boolean;
  step: number;
}

const path = (url: string) => {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
};

/** The request and its answer between the extension and the provider. */
function exchangeArrows(ex: Exchange, step: number, w: Words): Arrow[] {
  const sent: Arrow = {
    from: 'extension',
    to: 'provider',
    label: `${ex.request.method} ${path(ex.request.url)}`,
    detail: '',
    failed: false,
    step,
  };
  const { response, failure } = ex;
  const detail = response
    ? w.t('seqHttp', response.status, ex.durationMs)
    : failure
      ? `${failure.code} · ${w.t('inMs', ex.durationMs)}`
      : '…';
  const failed = !response || response.status >= 400 || !!failure;
  const label = response ? `${response.status} ${response.statusText}`.trim() : w.t('seqNoAnswer');
  return [sent, { from: 'provider', to: 'extension', label, detail, failed, step }];
}

function stepArrows(step: Step, i: number, run: Run, w: Words): Arrow[] {
  switch (step.kind) {
    case 'authorize':
      return [
        { from: 'extension', to: 'browser', label: w.t('seqOpenLogin'), detail: '', failed: false, step: i },
        {
          from: 'browser',
          to: 'provider',
          label: `GET ${path(step.url)}`,
          detail: '',
          failed: false,
          step: i,
        },
      ];
    case 'callback': {
      if (step.status === 'running')
        return [
          {
            from: 'provider',
            to: 'browser',
            label: w.t('seqLoggingIn'),
            detail: '…',
            failed: false,
            step: i,
          },
        ];
      const names = step.params.map(([n]) => n).join(', ');
      const login = run.steps.find((s) => s.kind === 'authorize');
      const seconds = login ? Math.round((step.at - login.at) / 100) / 10 : undefined;
      return [
        {
          from: 'provider',
          to: 'browser',
          label: step.url ? `302 ${path(step.url)}` : w.t('seqNoCallback'),
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
    }
    case 'validation':
      return step.exchanges.flatMap((ex) => exchangeArrows(ex, i, w));
    case 'refresh':
    case 'userinfo':
      // The answer, then the JWKS fetched to verify what it signed.
      return [step.exchange, ...(step.exchanges ?? [])].flatMap((ex) => (ex ? exchangeArrows(ex, i, w) : []));
    default:
      return step.exchange ? exchangeArrows(step.exchange, i, w) : [];
  }
}

/** The run as arrows between the browser, the extension and the provider, in the order they happened. */
export function sequence(run: Run, w: Words): Arrow[] {
  return run.steps.flatMap((step, i) => {
    const arrows = stepArrows(step, i, run, w);
    // A step that failed without an HTTP error of its own (a check, a refused state) ends in red.
    const last = arrows.at(-1);
    if (last && step.status === 'failed') last.failed = true;
    return arrows;
  });
}
