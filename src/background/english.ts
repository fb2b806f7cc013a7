import { speakEnglish } from '../core/i18n/say.ts';
import { substitute } from '../core/view/words.ts';
import { extensionUrl } from '../platform/runtime.ts';

/**
 * Errors and notes are stored with their English words too (reports and older pages read those).
 * The English catalog is the extension's own `_locales/en/messages.json`, read when the worker starts
 * rather than bundled into it (the size budget); whatever may say something waits for it first.
 */
export const englishReady: Promise<void> = fetch(extensionUrl('_locales/en/messages.json'))
  .then((r) => r.json() as Promise<Record<string, { message: string } | undefined>>)
  .then((en) => speakEnglish((id, subs) => substitute(en[id]?.message ?? id, subs)))
  // Without the catalog, messages keep their ids: pages still say them in the reader's language.
  .catch(() => undefined);
