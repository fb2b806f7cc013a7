import { say, type Said } from '../i18n/say.ts';
import type { ProfileBook } from './profile-book.ts';

/** The profile book's schema version; a stored book of another version is migrated or kept aside. */
export const BOOK_SCHEMA: ProfileBook['schema'] = 1;

/** A stored book of some schema version, as read from storage. */
export type StoredBook = Record<string, unknown> & { schema: number };

/**
 * `BOOK_MIGRATIONS[n]` turns a book stored at schema `n` into one of schema `n + 1`: one numbered
 * change each, never edited once shipped (as runs' `core/run/migrations/`). None yet: schema 1 is the
 * first; the credential union (issue 42) adds the first.
 */
export const BOOK_MIGRATIONS: Readonly<Record<number, (book: StoredBook) => StoredBook>> = {};

/** What is stored under the book's key: a book of this version (maybe migrated), nothing, or one it cannot read. */
export type BookRead = { book: ProfileBook; migrated: boolean } | { absent: true } | { unreadable: Said };

const isStoredBook = (v: unknown): v is StoredBook =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && 'schema' in v && Number.isSafeInteger(v.schema);

/** The stored value as a book of this version; `isBook` says whether a record of this version is one. */
export function readStoredBook(value: unknown, isBook: (v: unknown) => v is ProfileBook): BookRead {
  if (value === undefined) return { absent: true };
  if (!isStoredBook(value)) return { unreadable: say('bookDamaged') };
  if (value.schema > BOOK_SCHEMA) return { unreadable: say('bookNewer', value.schema, BOOK_SCHEMA) };
  let record = value;
  while (record.schema < BOOK_SCHEMA) {
    const migrate = BOOK_MIGRATIONS[record.schema];
    if (!migrate) return { unreadable: say('bookDamaged') };
    record = migrate(record);
  }
  return isBook(record) ? { book: record, migrated: record !== value } : { unreadable: say('bookDamaged') };
}
