import en from '../../_locales/en/messages.json';
import type { Say } from './flow-error.ts';
import { substitute, type MessageId, type Sub } from './view/words.ts';

const english = (id: MessageId, subs: string[]) => substitute(en[id].message, subs);
const strings = (subs: Sub[]) => subs.map(String);

/**
 * An error's words, as stored: the message id and its values (pages render them in the reader's
 * language) and the English text (reports, logs, and runs read by an older page).
 */
export function say(id: MessageId, ...subs: Sub[]): { message: string; say: Say } {
  return { message: english(id, strings(subs)), say: { id, subs: strings(subs) } };
}

/** The same for an error's hint. */
export function sayHint(id: MessageId, ...subs: Sub[]): { hint: string; sayHint: Say } {
  return { hint: english(id, strings(subs)), sayHint: { id, subs: strings(subs) } };
}

/** Words as stored: English, and the message id that says them in the reader's language. */
export type Said = ReturnType<typeof say>;

/** Words that may carry a message id: a page says them with it, else in the stored English. */
export interface Spoken {
  message: string;
  say?: Say;
}
