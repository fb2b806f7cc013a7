import type en from '../../../_locales/en/messages.json';
import type { Say } from '../flow-error.ts';

/** A message id of `_locales/*\/messages.json` (en is the reference; a unit test keeps pt_BR equal). */
export type MessageId = keyof typeof en;
/** Ids that come in plural forms: `<base>_one`, `<base>_other` (and any other CLDR category). */
export type PluralBase = MessageId extends infer K ? (K extends `${infer B}_other` ? B : never) : never;

export type Sub = string | number;

/** What every piece of text a person reads goes through (design.md: strings come from `_locales`). */
export interface Words {
  /** The language of the messages, for `Intl` (Chromium's `getUILanguage()` does not follow `--lang`). */
  locale: string;
  t: (id: MessageId, ...subs: Sub[]) => string;
  /** A message id made at run time (a check id, an error code), `fallback` when there is none. */
  tOr: (id: string, fallback: string, ...subs: Sub[]) => string;
  /** `count('checks', 3)`: the plural form of the locale, `$1` the formatted number. */
  count: (base: PluralBase, n: number, ...subs: Sub[]) => string;
  number: (n: number) => string;
  date: (epochMs: number) => string;
  /** Words core or the worker said as a message id (`say`), in this language; else `stored` as it is. */
  spoken: (said: Say | undefined, stored?: string) => string;
}

/** The id of a list of alternatives (`say('listOr', …items)`), joined by `Intl.ListFormat`. */
const LIST_OR = 'listOr';

/** A message as Chrome fills it: `$1`…`$9` from `subs`, `$$` a dollar sign. */
export const substitute = (message: string, subs: string[]): string =>
  message.replace(/\$(\$|[1-9])/g, (_, d: string) => (d === '$' ? '$' : (subs[+d - 1] ?? '')));

/** `lookup` is `chrome.i18n.getMessage` in the extension (missing ids answer ""). */
export function wordsFrom(lookup: (id: string, subs: string[]) => string): Words {
  const locale = lookup('intlLocale', []) || 'en-US';
  const numbers = new Intl.NumberFormat(locale);
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' });
  const plurals = new Intl.PluralRules(locale);
  const strings = (subs: Sub[]) => subs.map((s) => (typeof s === 'number' ? numbers.format(s) : s));
  const tOr = (id: string, fallback: string, ...subs: Sub[]) => lookup(id, strings(subs)) || fallback;
  const either = new Intl.ListFormat(locale, { type: 'disjunction' });
  const spoken = (said: Say | undefined, stored = ''): string => {
    if (!said) return stored;
    const subs = said.subs.map((s) => (typeof s === 'string' ? s : spoken(s)));
    // A list of alternatives, joined as the language joins them: "a, b or c", "a, b ou c".
    return said.id === LIST_OR ? either.format(subs) : tOr(said.id, stored, ...subs);
  };
  return {
    spoken,
    locale,
    t: (id, ...subs) => lookup(id, strings(subs)),
    tOr,
    count: (base, n, ...subs) => {
      const all = strings([n, ...subs]);
      return lookup(`${base}_${plurals.select(n)}`, all) || lookup(`${base}_other`, all);
    },
    number: (n) => numbers.format(n),
    // A date out of range (an `iat` of 1e13 in somebody's token) shows as its number, never throws.
    date: (epochMs) => (Math.abs(epochMs) <= 8.64e15 ? dates.format(epochMs) : String(epochMs)),
  };
}

type ErrorWords = { message?: string; say?: Say; sayAll?: Say[]; sayHint?: Say; hint?: string };

/** An error's own words (each problem in turn), without its hint. */
export const errorHead = (error: ErrorWords, w: Pick<Words, 'spoken'>): string =>
  error.sayAll ? error.sayAll.map((s) => w.spoken(s)).join(' ') : w.spoken(error.say, error.message);

/** An error's words in full, for a report or a log: each problem in turn, then its hint. */
export function errorText(error: ErrorWords, w: Pick<Words, 'spoken'>): string {
  const head = errorHead(error, w);
  const hint = w.spoken(error.sayHint, error.hint);
  return hint ? `${head} ${hint}` : head;
}
