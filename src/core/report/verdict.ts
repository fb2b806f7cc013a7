import { checkTitleId, type Check } from '../checks/check.ts';
import { LOGIN_STEPS, type Run } from '../run/run.ts';
import type { MessageId, Words } from '../i18n/words.ts';

/** A check's outcome in words ("✓ pass"), on the page and in the reports alike. */
export const STATUS_TEXT: Record<Check['status'], MessageId> = {
  pass: 'checkPass',
  fail: 'checkFail',
  warn: 'checkWarn',
  skip: 'checkSkip',
};

/** Every check of the run, in step order. */
export const runChecks = (run: Run): Check[] => run.steps.flatMap((s) => s.checks ?? []);

/** The login's checks: what the verdict is about (each action after it has its own outcome). */
export const loginChecks = (run: Run): Check[] =>
  run.steps.filter((s) => LOGIN_STEPS.has(s.kind)).flatMap((s) => s.checks ?? []);

export interface Verdict {
  /** Checks that ran (not skipped). */
  ran: number;
  failed: Check[];
  warned: Check[];
}

export function verdict(checks: Check[]): Verdict {
  return {
    ran: checks.filter((c) => c.status !== 'skip').length,
    failed: checks.filter((c) => c.status === 'fail'),
    warned: checks.filter((c) => c.status === 'warn'),
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

/** Long values (URLs, claims) cut for a headline; the Checks section has them whole. */
const short = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text);

/** A failed check as expected against found: "Token endpoint answer: expected HTTP 200 with JSON, got HTTP 401 invalid_client". */
export function failedCheckText(c: Check, w: Words): string {
  const expected = w.spoken(c.expectedSay, c.expected);
  const actual = w.spoken(c.actualSay, c.actual);
  return expected || actual
    ? w.t('checkExpectedGot', checkTitle(c, w), short(expected), short(actual))
    : checkTitle(c, w);
}

/** "1 warning: Endpoints use HTTPS: https URLs (…)": each warning named (three at most), the first with its rule. */
function warningsText(warned: Check[], w: Words): string {
  const [first, ...rest] = warned;
  if (!first) return '';
  const rule = w.spoken(first.expectedSay, first.expected);
  const names = [rule ? `${checkTitle(first, w)}: ${short(rule)}` : checkTitle(first, w)];
  names.push(...rest.slice(0, 2).map((c) => checkTitle(c, w)));
  return w.count('warningsNamed', warned.length, names.join('; ') + (rest.length > 2 ? '…' : ''));
}

/**
 * The banner's words: "All 14 checks passed, 1 warning: <it>" or "2 checks failed: <the first, expected
 * against found>". `stopped`: the run did not finish, so passes are not counted as if it had (a run that
 * failed at the login window is never "All 4 checks passed"); only failures and warnings are said.
 */
export function verdictText(v: Verdict, w: Words, stopped = false): string {
  if (v.failed.length > 0) return w.count('verdictFailed', v.failed.length, failedCheckText(v.failed[0]!, w));
  if (stopped) return warningsText(v.warned, w);
  // Not "All 0 checks passed" (and pt-BR puts 0 in the `one` category: "0 verificação passou").
  if (v.ran === 0) return w.t('verdictNone');
  const passed = w.count('verdictPassed', v.ran);
  return v.warned.length ? w.t('verdictWithWarnings', passed, warningsText(v.warned, w)) : passed;
}
