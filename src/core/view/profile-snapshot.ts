/** Pages read this from `core/view/`; its home is `core/profile/profile-snapshot.ts`. */
export * from '../profile/profile-snapshot.ts';
