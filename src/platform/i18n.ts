/** `chrome.i18n.getMessage`: synchronous, from `_locales/<browser language>` (en when missing). */
export const lookupMessage = (id: string, subs: string[]): string => chrome.i18n.getMessage(id, subs);
