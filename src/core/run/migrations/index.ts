import { isRun, RUN_SCHEMA, type Run } from '../run.ts';
import { keptWithoutBodies } from './2-kept-without-bodies.ts';
import { exchangesOnEveryStep } from './3-exchanges-on-every-step.ts';
import { exchangeRoles } from './4-exchange-roles.ts';

import type { StoredRecord } from './stored-record.ts';

export type { StoredRecord };

/**
 * `MIGRATIONS[n]` turns a run stored at schema `n` into one of schema `n + 1`: one numbered file per
 * change, never edited once shipped. Runs are migrated when read, so history written by any older
 * version still opens; the worker saves them at the current version.
 */
export const MIGRATIONS: Readonly<Record<number, (run: StoredRecord) => StoredRecord>> = {
  1: keptWithoutBodies,
  2: exchangesOnEveryStep,
  3: exchangeRoles,
};

const isStoredRecord = (v: unknown): v is StoredRecord =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && 'schema' in v && Number.isSafeInteger(v.schema);

/**
 * The stored `value` as a run of this version, or `undefined` when it is none: not a run, or one
 * written by a newer version (which this one cannot know how to read).
 */
export function migrateRun(value: unknown): Run | undefined {
  if (!isStoredRecord(value)) return undefined;
  let record = value;
  while (record.schema < RUN_SCHEMA) {
    const migrate = MIGRATIONS[record.schema];
    if (!migrate) return undefined;
    record = migrate(record);
  }
  return isRun(record) ? record : undefined;
}
