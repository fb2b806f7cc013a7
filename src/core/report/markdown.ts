/** Markdown that provider text cannot break out of (reports for a ticket or chat). */

/** A fence longer than any run of backticks inside, so provider data cannot break out of it. */
export function fenced(text: string, lang = ''): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${lang}\n${text}\n${fence}`;
}

/** Every line ending Markdown renderers honour: provider text must not start a line of its own. */
export const LINE_ENDINGS = /\r\n|[\r\n\u0085\u2028\u2029]/g;

/** A table cell holding provider data: inline code, no pipes or line endings to break the table. */
export const cell = (text: string) =>
  `\`${text.replace(LINE_ENDINGS, ' ').replace(/`/g, "'").replace(/\|/g, '\\|')}\``;

/** Text outside code: one line, and no HTML, link, image or table cell of its own. */
export const plain = (text: string) => text.replace(LINE_ENDINGS, ' ').replace(/[\\<[!|]/g, '\\$&');
