import { wordsFrom } from '../core/view/words.ts';
import { lookupMessage } from '../platform/i18n.ts';

/** The pages' words, in the browser's language. */
export const words = wordsFrom(lookupMessage);
export const { t, tOr, count } = words;
