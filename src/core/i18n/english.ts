import en from '../../../_locales/en/messages.json';
import { speakEnglish } from './say.ts';
import { substitute } from '../view/words.ts';

/** Errors and notes are stored with their English words too: reports and older pages read those. */
speakEnglish((id, subs) => substitute(en[id].message, subs));
