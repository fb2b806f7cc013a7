/** Pages read this from `core/view/`; its home is `core/i18n/words.ts`. */
export * from '../i18n/words.ts';
export { messageOf } from '../flow-error.ts';
