/** One finding about one step (design.md "Checks"): what the rule wants, what we saw, and where it is written. */
export interface Check {
  id: string;
  title: string;
  /** The rule's source, e.g. "RFC 9207 §2.4". */
  spec: string;
  specUrl: string;
  status: CheckStatus;
  expected: string;
  actual: string;
}

export type CheckStatus = 'pass' | 'fail' | 'warn' | 'skip';

export type Rule = Pick<Check, 'id' | 'title' | 'spec' | 'specUrl'>;

export const rfc = (n: number, section: string): Pick<Check, 'spec' | 'specUrl'> => ({
  spec: `RFC ${n} §${section}`,
  specUrl: `https://www.rfc-editor.org/rfc/rfc${n}#section-${section}`,
});

export const oidcCore = (section: string, anchor: string): Pick<Check, 'spec' | 'specUrl'> => ({
  spec: `OIDC Core §${section}`,
  specUrl: `https://openid.net/specs/openid-connect-core-1_0.html#${anchor}`,
});

export const oidcDiscovery = (section: string, anchor: string): Pick<Check, 'spec' | 'specUrl'> => ({
  spec: `OIDC Discovery §${section}`,
  specUrl: `https://openid.net/specs/openid-connect-discovery-1_0.html#${anchor}`,
});

export const outcome = (rule: Rule, status: CheckStatus, expected: string, actual: string): Check => ({
  ...rule,
  status,
  expected,
  actual,
});

export const passIf = (rule: Rule, ok: boolean, expected: string, actual: string): Check =>
  outcome(rule, ok ? 'pass' : 'fail', expected, actual);

/** Text for a claim or field value as found, `(missing)` when absent. */
export const shown = (value: unknown): string =>
  value === undefined ? '(missing)' : typeof value === 'string' ? value : JSON.stringify(value);

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
