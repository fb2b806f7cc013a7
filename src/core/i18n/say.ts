import type { Say } from '../flow-error.ts';
import type { MessageId, Sub } from './words.ts';

/**
 * Words of ours, as core and the workers produce them: a message id and its values, never text
 * (design.md "Words at the edges"). A page renders them in the reader's language; a report in its
 * own (`Words.spoken`).
 */
export interface Said {
  say: Say;
}

/**
 * Words that may be ours (`say`) or text as it came: a browser's or a provider's words, or what a
 * run stored before message ids (`message`, kept as it was).
 */
export interface Spoken {
  message?: string;
  say?: Say;
}

/** A value in a message: text as it is, or words of their own ("the Token endpoint"). */
export type Part = Sub | Said;

const sayOf = (p: Part): string | Say => (typeof p === 'object' ? p.say : String(p));

/** Words of ours: the message id and its values. */
export function say(id: MessageId, ...parts: Part[]): Said {
  return { say: { id, subs: parts.map(sayOf) } };
}

/** The same for an error's hint. */
export function sayHint(id: MessageId, ...parts: Part[]): { sayHint: Say } {
  return { sayHint: say(id, ...parts).say };
}

/** Several problems at once (a form with two bad fields): one error, each problem said in turn. */
export const sayAll = (problems: Said[]): { sayAll: Say[] } => ({ sayAll: problems.map((p) => p.say) });
