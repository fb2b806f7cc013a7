import { checkTitleId, type Check } from '../checks/check.ts';
import { LOGIN_STEPS, type Run } from '../run/run.ts';
import type { Words } from './words.ts';

/** Every check of the run, in step order. */
export const runChecks = (run: Run): Check[] => run.steps.flatMap((s) => s.checks ?? []);

/** The login's checks: what the verdict is about (each action after it has its own outcome). */
export const loginChecks = (run: Run): Check[] =>
  run.steps.filter((s) => LOGIN_STEPS.has(s.kind)).flatMap((s) => s.checks ?? []);

export interface Verdict {
  /** Checks that ran (not skipped). */
  ran: number;
  failed: Check[];
  warnings: number;
}

export function verdict(checks: Check[]): Verdict {
  return {
    ran: checks.filter((c) => c.status !== 'skip').length,
    failed: checks.filter((c) => c.status === 'fail'),
    warnings: checks.filter((c) => c.status === 'warn').length,
  };
}

/**
 * A check's title in the reader's language, from its id. A check repeated under a step's prefix
 * (`refresh.token.http`: the token checks of a refresh) has the title of the id it repeats; an older
 * stored run's English title stands for ids no longer known.
 */
export function checkTitle(check: Pick<Check, 'id' | 'title'>, w: Words): string {
  const parts = check.id.split('.');
  for (let from = 0; from < parts.length - 1; from++) {
    const title = w.tOr(checkTitleId(parts.slice(from).join('.')), '');
    if (title) return title;
  }
  return check.title ?? check.id;
}

/** The banner's words: "All 14 checks passed, 1 warning" or "2 checks failed: <first failure>". */
export function verdictText(v: Verdict, w: Words): string {
  if (v.failed.length > 0) return w.count('verdictFailed', v.failed.length, checkTitle(v.failed[0]!, w));
  // Not "All 0 checks passed" (and pt-BR puts 0 in the `one` category: "0 verificação passou").
  if (v.ran === 0) return w.t('verdictNone');
  const passed = w.count('verdictPassed', v.ran);
  return v.warnings ? w.t('verdictWithWarnings', passed, w.count('warnings', v.warnings)) : passed;
}
