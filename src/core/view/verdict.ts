import type { Check } from '../check.ts';
import { LOGIN_STEPS, type Run } from '../run.ts';
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

/** A check's title in the reader's language; a stored run keeps the English one for unknown ids. */
export const checkTitle = (check: Pick<Check, 'id' | 'title'>, w: Words): string =>
  w.tOr(`check_${check.id.replaceAll('.', '_')}`, check.title);

/** The banner's words: "All 14 checks passed, 1 warning" or "2 checks failed: <first failure>". */
export function verdictText(v: Verdict, w: Words): string {
  if (v.failed.length > 0) return w.count('verdictFailed', v.failed.length, checkTitle(v.failed[0]!, w));
  // Not "All 0 checks passed" (and pt-BR puts 0 in the `one` category: "0 verificação passou").
  if (v.ran === 0) return w.t('verdictNone');
  const passed = w.count('verdictPassed', v.ran);
  return v.warnings ? w.t('verdictWithWarnings', passed, w.count('warnings', v.warnings)) : passed;
}
