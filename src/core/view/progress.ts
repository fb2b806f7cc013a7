import type { Run } from '../run.ts';
import { loginChecks, verdict, verdictText } from './verdict.ts';

/** One line for the popup's status while it is open: where the run stands, then its outcome. */
export function progressText(run: Run): string {
  if (run.status === 'done') {
    const v = verdict(loginChecks(run));
    return `Tokens received · ${verdictText(v)}. The inspector tab shows them.`;
  }
  if (run.status !== 'running') return '';
  const step = run.steps.at(-1);
  if (step?.kind === 'token')
    return run.profile.flow === 'client_credentials'
      ? 'Requesting a token for the client…'
      : 'The provider sent the browser back: redeeming the code…';
  if (step?.kind === 'validation' || (step?.kind === 'callback' && step.status === 'ok'))
    return 'Checking the tokens…';
  return 'The login window is open; the inspector tab shows each step as it completes.';
}
