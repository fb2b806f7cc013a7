import type { Exchange, ExchangeRole } from '../protocol/http.ts';
import { ROLE_NAMES, type StepBase } from '../run/steps/step.ts';
import { errorText, type MessageId, type Words } from '../i18n/words.ts';
import { cell, fenced, plain } from './markdown.ts';

/** One exchange in the Markdown report: the request as sent, the answer as received. */
export function exchangeMarkdown(title: string, ex: Exchange, w: Words): string[] {
  const { request, response, failure } = ex;
  const head = [
    `${request.method} ${request.url}`,
    ...Object.entries(request.headers).map(([k, v]) => `${k}: ${v}`),
  ];
  const out = [
    `### ${title}`,
    fenced([...head, ...(request.body !== undefined ? ['', request.body] : [])].join('\n'), 'http'),
  ];
  if (response) {
    const lines = [
      `HTTP ${response.status} ${response.statusText}`,
      ...Object.entries(response.headers).map(([k, v]) => `${k}: ${v}`),
    ];
    out.push(
      response.finalUrl
        ? w.t('reportAnsweredBy', cell(response.finalUrl), ex.durationMs)
        : w.t('reportAnswered', ex.durationMs),
      fenced([...lines, '', response.body].join('\n'), 'http'),
    );
  }
  if (failure) out.push(w.t('reportNoResponse', cell(w.spoken(failure.say, failure.message))));
  return out;
}

/** A step's exchanges, each under the name `nameOf` gives it. */
export const exchangesMarkdown = (step: StepBase, w: Words, nameOf: (ex: Exchange) => string): string[] =>
  step.exchanges.flatMap((ex) => exchangeMarkdown(nameOf(ex), ex, w));

const OUTCOME: Record<StepBase['status'], MessageId> = {
  failed: 'stepFailed',
  ok: 'stepOk',
  running: 'stepRunning',
};

/**
 * An action on the run's tokens: its exchanges (its own request, in `own` role, under `title`; JWKS
 * fetches by their role's name), then its outcome.
 */
export function actionMarkdown(title: string, step: StepBase, w: Words, own: ExchangeRole): string[] {
  const out = step.exchanges.length
    ? exchangesMarkdown(step, w, (ex) => (ex.role === own ? title : w.t(ROLE_NAMES[ex.role])))
    : [`### ${title}`];
  const outcome = w.t(OUTCOME[step.status]);
  out.push(step.error ? `**${plain(outcome)}**: ${cell(errorText(step.error, w))}` : `**${plain(outcome)}**`);
  return out;
}
