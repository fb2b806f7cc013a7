import { describe, expect, test } from 'vitest';
import { defaultBook, deleteProfile, renameProfile } from '../../../../src/core/profile/profile-book.ts';
import { REDIRECT, twoProfiles } from '../../../support/books.ts';

const refused = (message: string) => ({
  ok: false,
  error: expect.objectContaining({ code: 'invalid_input', message }) as unknown,
});
const book = twoProfiles;

describe('profile book edits', () => {
  test('names stay unique and non-empty; the last profile stays', () => {
    expect(renameProfile(book(), 'staging', 'BTG Id')).toEqual(
      refused('There is already a profile named "BTG Id".'),
    );
    expect(renameProfile(book(), 'staging', ' ')).toEqual(refused('A profile needs a name.'));
    expect(deleteProfile(defaultBook(REDIRECT), 'btg-id')).toEqual(
      refused('The last profile cannot be deleted.'),
    );
    const after = deleteProfile(book(), 'staging');
    expect(after.ok ? after.value.activeId : after).toBe('btg-id');
  });
});
