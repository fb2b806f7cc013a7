import { isRecord, type StoredRecord } from './stored-record.ts';

/**
 * Schema 2 → 3: every step lists its exchanges in `exchanges` (its own request first, then JWKS
 * fetches); the single `exchange` some kinds held joins the front of that list.
 */
export function exchangesOnEveryStep(run: StoredRecord): StoredRecord {
  if (!Array.isArray(run.steps)) return { ...run, schema: 3 };
  return {
    ...run,
    schema: 3,
    steps: run.steps.map((step: unknown) => {
      if (!isRecord(step)) return step;
      const { exchange, exchanges, ...rest } = step;
      const older: unknown[] = Array.isArray(exchanges) ? exchanges : [];
      return { ...rest, exchanges: [...(exchange ? [exchange] : []), ...older] };
    }),
  };
}
