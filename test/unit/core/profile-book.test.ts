import { describe, expect, test } from 'vitest';
import {
  addProfile,
  defaultBook,
  deleteProfile,
  renameProfile,
  type ProfileBook,
} from '../../../src/core/profile-book.ts';

const REDIRECT = 'https://abc.chromiumapp.org/';
const refused = (message: string) => ({ ok: false, error: { code: 'invalid_input', message } });
const book = (): ProfileBook =>
  addProfile(defaultBook(REDIRECT), {
    ...defaultBook(REDIRECT).profiles[0]!,
    id: 'staging',
    name: 'Staging',
    clientId: 'app',
  });

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
