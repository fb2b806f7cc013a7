import { wordsFrom } from '../core/view/words.ts';
import { lookupMessage } from '../platform/i18n.ts';

/** The pages' words, in the browser's language. */
export const words = wordsFrom(lookupMessage);
export const { t, tOr, count, spoken } = words;

// The page's language is the messages' language (screen readers pick their voice from it).
document.documentElement.lang = words.locale;
