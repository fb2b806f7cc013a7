/** Pages read this from `core/view/`; its home is `core/profile/flows.ts`. */
export * from '../profile/flows.ts';
