import { wordsFrom } from '../core/view/words.ts';
import { lookupMessage } from '../platform/i18n.ts';

/** The worker's words (reports), in the browser's language like the pages'. */
export const workerWords = wordsFrom(lookupMessage);
