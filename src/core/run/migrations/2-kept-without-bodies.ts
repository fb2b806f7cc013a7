import type { StoredRecord } from './stored-record.ts';

/**
 * Schema 1 → 2: a run kept without its response bodies (session storage was full) said so in
 * English (`storageNote`); the page always showed its own words, so the record now holds the fact
 * (`keptWithoutBodies`) and no words.
 */
export function keptWithoutBodies(run: StoredRecord): StoredRecord {
  const { storageNote, ...rest } = run;
  return { ...rest, schema: 2, ...(typeof storageNote === 'string' ? { keptWithoutBodies: true } : {}) };
}
