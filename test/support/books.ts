import { addProfile, defaultBook, type ProfileBook } from '../../src/core/profile/profile-book.ts';

export const REDIRECT = 'https://abc.chromiumapp.org/';

/** The first-run book plus a "Staging" profile: two profiles to edit, export and import. */
export const twoProfiles = (): ProfileBook =>
  addProfile(defaultBook(REDIRECT), {
    ...defaultBook(REDIRECT).profiles[0]!,
    id: 'staging',
    name: 'Staging',
    clientId: 'app',
  });
