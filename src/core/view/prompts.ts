/** Pages read this from `core/view/`; its home is `core/profile/prompts.ts`. */
export * from '../profile/prompts.ts';
