import type { Check } from '../check.ts';
import { LOGIN_STEPS, type Run } from '../run.ts';

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

/** The banner's words: "All 14 checks passed, 1 warning" or "2 checks failed: <first failure>". */
export function verdictText(v: Verdict): string {
  if (v.failed.length > 0) {
    const n = v.failed.length;
    return `${n} check${n === 1 ? '' : 's'} failed: ${v.failed[0]!.title}`;
  }
  const warnings = v.warnings ? `, ${v.warnings} warning${v.warnings === 1 ? '' : 's'}` : '';
  return `All ${v.ran} check${v.ran === 1 ? '' : 's'} passed${warnings}`;
}
