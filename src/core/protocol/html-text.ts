const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Text from an HTML attribute or element: the named entities pages use, and any numeric one. */
export const htmlDecode = (text: string): string =>
  text.replace(
    /&(?:#x([0-9a-f]{1,6})|#(\d{1,7})|(amp|lt|gt|quot|apos|nbsp));/gi,
    (whole, hex?: string, dec?: string, name?: string) => {
      if (name) return ENTITIES[name.toLowerCase()]!;
      const code = hex ? parseInt(hex, 16) : Number(dec);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    },
  );

/**
 * What a person reads on a page, a line per block: scripts and styles dropped, tags removed, entities
 * decoded, blank lines gone. Plain text comes back as its lines.
 */
export const pageLines = (html: string): string[] =>
  htmlDecode(
    html
      .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '\n')
      .replace(/<\/?(?:p|div|pre|br|h[1-6]|li|tr|title|section|span|header|footer|main)\b[^>]*>/gi, '\n')
      .replace(/<[^>]*>/g, ''),
  )
    .split(/\r?\n/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '');

/** The text of an HTML fragment on one line. */
export const inlineText = (html: string): string => pageLines(html).join(' ');
