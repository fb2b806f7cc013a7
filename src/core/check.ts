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
