/** What each message id, with each list of substitutions, read as: the same for the page's life. */
const answers = new Map<string, string>();
const KEPT = 5_000;

/**
 * `chrome.i18n.getMessage`: synchronous, from `_locales/<browser language>` (en when missing). Each
 * call crosses the extension bindings (tens of µs; a render of the inspector asks hundreds), so each
 * answer is kept.
 */
export function lookupMessage(id: string, subs: string[]): string {
  const key = subs.length ? `${id}\u0000${subs.join('\u0000')}` : id;
  const kept = answers.get(key);
  if (kept !== undefined) return kept;
  const answer = chrome.i18n.getMessage(id, subs);
  if (answers.size >= KEPT) answers.clear();
  answers.set(key, answer);
  return answer;
}
