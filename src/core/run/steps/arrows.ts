import type { Exchange } from '../../protocol/http.ts';
import type { Words } from '../../i18n/words.ts';

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

export const urlPath = (url: string) => {
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
    label: `${ex.request.method} ${urlPath(ex.request.url)}`,
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

/** A step's exchanges as arrows, in order: what most kinds draw. */
export const exchangesArrows = (
  step: { exchanges: Exchange[] },
  index: number,
  _run: unknown,
  w: Words,
): Arrow[] => step.exchanges.flatMap((ex) => exchangeArrows(ex, index, w));
