import type { Say } from '../flow-error.ts';
import type { MessageId, Sub } from '../view/words.ts';

/** Words as stored: English, and the message id that says them in the reader's language. */
export interface Said {
  message: string;
  say: Say;
}

/** Words that may carry a message id: a page says them with it, else in the stored English. */
export interface Spoken {
  message: string;
  say?: Say;
}

/** A value in a message: text as it is, or words of their own ("the Token endpoint"). */
export type Part = Sub | Said;

type Lookup = (id: MessageId, subs: string[]) => string;
let english: Lookup = (id) => id;

/**
 * Where `message`'s English comes from: the service worker sets it at start (`core/english.ts`), as
 * its errors are stored and reported. Pages and the HAR analysis worker leave the catalog out of
 * their bundles (the size budgets): what they say is rendered from `say` by a page, and their
 * `message` is the bare message id.
 */
export function speakEnglish(lookup: Lookup): void {
  english = lookup;
}
const englishOf = (p: Part) => (typeof p === 'object' ? p.message : String(p));
const sayOf = (p: Part): string | Say => (typeof p === 'object' ? p.say : String(p));

/**
 * An error's words, as stored: the message id and its values (pages render them in the reader's
 * language) and the English text (reports, logs, and runs read by an older page).
 */
export function say(id: MessageId, ...parts: Part[]): Said {
  return { message: english(id, parts.map(englishOf)), say: { id, subs: parts.map(sayOf) } };
}

/** The same for an error's hint. */
export function sayHint(id: MessageId, ...parts: Part[]): { hint: string; sayHint: Say } {
  const { message, say: said } = say(id, ...parts);
  return { hint: message, sayHint: said };
}

/** Several problems at once (a form with two bad fields): one error, each problem said in turn. */
export const sayAll = (problems: Said[]): { message: string; sayAll: Say[] } => ({
  message: problems.map((p) => p.message).join(' '),
  sayAll: problems.map((p) => p.say),
});
