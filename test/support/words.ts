import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Check } from '../../src/core/checks/check.ts';
import type { Say } from '../../src/core/flow-error.ts';
import { errorHead, substitute, wordsFrom, type Words } from '../../src/core/view/words.ts';

export type Catalog = Record<string, { message: string }>;

export const catalog = (locale: 'en' | 'pt_BR'): Catalog =>
  JSON.parse(
    readFileSync(resolve(import.meta.dirname, '..', '..', '_locales', locale, 'messages.json'), 'utf8'),
  ) as Catalog;

/** The real message files read the way Chrome reads them (`$1`…`$9` substituted, `$$` a dollar). */
export function wordsOf(locale: 'en' | 'pt_BR'): Words {
  const messages = catalog(locale);
  return wordsFrom((id, subs) => (messages[id] ? substitute(messages[id].message, subs) : ''));
}

const en = wordsOf('en');

/** Words of ours (or a stored run's text) as an English reader reads them: what a report in English says. */
export const inEnglish = (
  words: { say?: Say; message?: string; sayAll?: Say[] } | undefined,
): string | undefined => words && errorHead(words, en);

/** A check with its expected and actual words in English, as a report in English shows them. */
export const checkInEnglish = <C extends Check>(check: C): C & { expected: string; actual: string } => ({
  ...check,
  expected: en.spoken(check.expectedSay, check.expected),
  actual: en.spoken(check.actualSay, check.actual),
});

/** An error's hint as an English reader reads it. */
export const hintInEnglish = (error: { sayHint?: Say; hint?: string } | undefined): string | undefined =>
  error?.sayHint ? en.spoken(error.sayHint, error.hint) : error?.hint;

/** An error with its words and hint in English: what a report in English says of it. */
export const errorInEnglish = <
  E extends { say?: Say; message?: string; sayAll?: Say[]; sayHint?: Say; hint?: string },
>(
  error: E,
): E => ({ ...error, message: inEnglish(error), hint: hintInEnglish(error) });
