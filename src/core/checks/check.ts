import type { Say } from '../flow-error.ts';
import { say, type Said } from '../i18n/say.ts';
import type { MessageId } from '../i18n/words.ts';
/** One finding about one step (design.md "Checks"): what the rule wants, what we saw, and where it is written. */
export interface Check {
  /** Its title is the message `check_<id>` (dots as underscores), in the reader's language. */
  id: string;
  /** The English title runs stored before titles were read from the catalog carry; new checks have none. */
  title?: string;
  /** The rule's source, e.g. "RFC 9207 §2.4". */
  spec: string;
  specUrl: string;
  status: CheckStatus;
  /**
   * A value as it is (a claim, a status, a URL); words of ours are `expectedSay`/`actualSay` instead,
   * rendered where they are read. Runs stored before message ids hold both, the English here.
   */
  expected?: string;
  actual?: string;
  expectedSay?: Say;
  actualSay?: Say;
}

export type CheckStatus = 'pass' | 'fail' | 'warn' | 'skip';

export type Rule = Pick<Check, 'id' | 'spec' | 'specUrl'>;

/** The message that titles the check `id`: titles are written once, in the message files. */
export const checkTitleId = (id: string): MessageId => `check_${id.replaceAll('.', '_')}` as MessageId;

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

/** What a check expected or found: a value as it is, or words of ours (`say('exNonEmpty')`). */
export type Found = string | Said;

export function outcome(rule: Rule, status: CheckStatus, expected: Found, actual: Found): Check {
  // Built field by field, not by spreads: a HAR with 10,000 logins makes 80,000 of these.
  const check: Check = {
    id: rule.id,
    spec: rule.spec,
    specUrl: rule.specUrl,
    status,
  };
  if (typeof expected === 'string') check.expected = expected;
  else check.expectedSay = expected.say;
  if (typeof actual === 'string') check.actual = actual;
  else check.actualSay = actual.say;
  return check;
}

export const passIf = (rule: Rule, ok: boolean, expected: Found, actual: Found): Check =>
  outcome(rule, ok ? 'pass' : 'fail', expected, actual);

/** A claim or field value as found: as text, or said missing when absent. */
export const shown = (value: unknown): Found =>
  value === undefined ? say('valueMissing') : typeof value === 'string' ? value : JSON.stringify(value);
