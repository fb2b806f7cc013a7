import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { substitute, wordsFrom, type Words } from '../../src/core/view/words.ts';

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
