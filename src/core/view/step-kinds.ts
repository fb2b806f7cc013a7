import type { Check } from '../checks/check.ts';
import type { Step } from '../run/run.ts';
import {
  ACTION_KINDS,
  actionDef,
  CHECK_GROUPS,
  exchangeName,
  ownExchange,
  stepDef,
} from '../run/steps/index.ts';
import type { Exchange } from '../protocol/http.ts';
import type { ActionRequest } from './actions.ts';
import type { MessageId } from './words.ts';

/** What pages read off the step registry (`core/run/steps/`): names, check groups, action buttons. */

/** A step's title id; undefined for a kind stored by a newer version. */
export const stepTitleId = (kind: Step['kind']): MessageId | undefined => stepDef(kind)?.title;

export { ownExchange };

/** The name of a step's exchange ("Token", "JWKS again"), which names its controls. */
export const exchangeNameId = (step: Step, exchange: Exchange): MessageId | undefined =>
  exchangeName(step, exchange);

export interface CheckTable {
  caption: MessageId;
  rows: Check[];
}

/**
 * The check tables: each step kind's groups in the order of a run's steps, then the trace's, then
 * any check no group claims, so a check is never silently left out. Empty tables are left out.
 */
export function checkTables(checks: Check[]): CheckTable[] {
  const groups = [...CHECK_GROUPS, ['trace', 'checksTrace'] as const, ['read', 'checksRead'] as const];
  const claimed = new Set<Check>();
  const tables = groups.map(([prefix, caption]) => {
    const rows = checks.filter((c) => c.id.startsWith(`${prefix}.`));
    rows.forEach((c) => claimed.add(c));
    return { caption, rows };
  });
  tables.push({ caption: 'checksOther', rows: checks.filter((c) => !claimed.has(c)) });
  return tables.filter((t) => t.rows.length > 0);
}

/** The action buttons under the tokens, in registry order: each its label and request. */
export const actionButtons = (): [label: MessageId, request: ActionRequest][] =>
  ACTION_KINDS.flatMap((action) =>
    actionDef(action).buttons.map(([label, token]): [MessageId, ActionRequest] => [
      label,
      token ? { action, token } : { action },
    ]),
  );
