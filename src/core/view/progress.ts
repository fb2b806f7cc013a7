import { flowInfo } from './flows.ts';
import type { Run } from '../run/run.ts';
import { loginChecks, verdict, verdictText } from './verdict.ts';
import type { Words } from './words.ts';

/** One line for the popup's status while it is open: where the run stands, then its outcome. */
export function progressText(run: Run, w: Words): string {
  if (run.status === 'done') {
    const v = verdict(loginChecks(run));
    return w.t('progressDone', verdictText(v, w));
  }
  if (run.status !== 'running') return '';
  const step = run.steps.at(-1);
  if (step?.kind === 'token') return w.t(flowInfo(run.profile).redeeming);
  if (step?.kind === 'validation' || (step?.kind === 'callback' && step.status === 'ok'))
    return w.t('progressChecking');
  return w.t('progressLoginOpen');
}
