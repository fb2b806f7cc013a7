import { describe, expect, test } from 'vitest';
import { defaultBook, deleteProfile, renameProfile } from '../../../../src/core/profile/profile-book.ts';
import { REDIRECT, twoProfiles } from '../../../support/books.ts';
import { errorInEnglish } from '../../../support/words.ts';

/** A refusal as a reader of English reads it. */
const english = (result: ReturnType<typeof renameProfile>) =>
  result.ok ? result : { ...result, error: errorInEnglish(result.error) };
const refused = (message: string) => ({
  ok: false,
  error: expect.objectContaining({ code: 'invalid_input', message }) as unknown,
});
const book = twoProfiles;

describe('profile book edits', () => {
  test('names stay unique and non-empty; the last profile stays', () => {
    expect(english(renameProfile(book(), 'staging', 'BTG Id'))).toEqual(
      refused('There is already a profile named "BTG Id".'),
    );
    expect(english(renameProfile(book(), 'staging', ' '))).toEqual(refused('A profile needs a name.'));
    expect(english(deleteProfile(defaultBook(REDIRECT), 'btg-id'))).toEqual(
      refused('The last profile cannot be deleted.'),
    );
    const after = deleteProfile(book(), 'staging');
    expect(after.ok ? after.value.activeId : after).toBe('btg-id');
  });
});
