import type { Say } from '../core/flow-error.ts';
import { wordsFrom } from '../core/view/words.ts';
import { lookupMessage } from '../platform/i18n.ts';

/** The pages' words, in the browser's language. */
export const words = wordsFrom(lookupMessage);
export const { t, tOr, count } = words;

/** Words the worker or core said as a message id (`say`), in the reader's language; else as stored. */
export const spoken = (said: Say | undefined, english: string): string =>
  said ? tOr(said.id, english, ...said.subs) : english;

// The page's language is the messages' language (screen readers pick their voice from it).
document.documentElement.lang = words.locale;
