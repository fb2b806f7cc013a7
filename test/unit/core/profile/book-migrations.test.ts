import { describe, expect, test } from 'vitest';
import { defaultBook } from '../../../../src/core/profile/profile-book.ts';
import { readBookRecord } from '../../../../src/core/view/stored-records.ts';
import { inEnglish } from '../../../support/words.ts';

describe('the stored profile book, read by this version', () => {
  test('a book of this version is read as it is; nothing stored is absent', () => {
    const book = defaultBook('https://x.chromiumapp.org/');
    expect(readBookRecord(book)).toEqual({ book, migrated: false });
    expect(readBookRecord(undefined)).toEqual({ absent: true });
  });

  test('a newer book, a damaged one, one of an unknown older schema: unreadable, said in words', () => {
    const said = (value: unknown) => {
      const read = readBookRecord(value);
      return 'unreadable' in read ? inEnglish(read.unreadable) : undefined;
    };
    expect(said({ schema: 2, profiles: [] })).toMatch(
      /newer version of Auth Code Inspector \(profile book schema 2; this one reads 1\)/,
    );
    for (const damaged of [
      'profiles',
      [],
      { activeId: 'a' },
      { schema: 1, activeId: 'a', profiles: [] },
      { schema: 0 },
    ])
      expect(said(damaged), JSON.stringify(damaged)).toMatch(/the stored profile book is damaged/);
  });
});
