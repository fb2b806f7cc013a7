import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../support/words.ts';
import { inEnglish } from '../../support/words.ts';

const en = catalog('en');
const pt = catalog('pt_BR');
const SRC = resolve(import.meta.dirname, '..', '..', '..', 'src');
const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/.test(n) ? [readFileSync(p, 'utf8')] : [];
  });
const placeholders = (m: string) => [...new Set(m.match(/\$[1-9]/g) ?? [])].sort();

describe('the message files', () => {
  it('have the same ids in en and pt_BR', () => {
    expect(Object.keys(pt).filter((id) => !(id in en))).toEqual([]);
    expect(Object.keys(en).filter((id) => !(id in pt))).toEqual([]);
  });

  it('name every message as Chrome reads names (letters, digits, _ and @): another character and the extension does not load', () => {
    expect(Object.keys(en).filter((id) => !/^[A-Za-z0-9_@]+$/.test(id))).toEqual([]);
  });

  it('use the same placeholders in both languages, and no message is empty', () => {
    // Chrome reads `$…$` as a named placeholder: "$1$2" is refused, and the extension does not load.
    for (const [id, m] of [...Object.entries(en), ...Object.entries(pt)])
      expect.soft(inEnglish(m), id).not.toMatch(/\$[1-9]\$/);
    for (const id of Object.keys(en)) {
      expect.soft(placeholders(pt[id]!.message), id).toEqual(placeholders(en[id]!.message));
      expect.soft(en[id]!.message.trim(), id).not.toBe('');
      expect.soft(pt[id]!.message.trim(), id).not.toBe('');
    }
  });

  it('hold every check id and error code the code can produce', () => {
    // A check id is written whole (`id: 'token.http'`) or as a file's prefix and a `rule('x', …)`.
    const checkIds = sources(SRC).flatMap((code) => {
      const prefix = /id: `([a-z_.]+)\.\$\{id\}`/.exec(code)?.[1];
      return [
        ...[...code.matchAll(/\bid: '([a-z_]+\.[a-z_.]+)'/g)].map((m) => m[1]!),
        ...(prefix
          ? [...code.matchAll(/\b(?:rule|RULE)\('([a-z_]+)'/g)].map((m) => `${prefix}.${m[1]!}`)
          : []),
      ];
    });
    expect(new Set(checkIds).size).toBeGreaterThan(50);
    const errorCodes = [
      ...readFileSync(join(SRC, 'core', 'flow-error.ts'), 'utf8').matchAll(/^ {2}\| '(\w+)'/gm),
    ].map((m) => m[1]!);
    expect(errorCodes.length).toBeGreaterThan(20);
    const wanted = [
      ...checkIds.map((id) => `check_${id.replaceAll('.', '_')}`),
      ...errorCodes.map((c) => `error_${c}`),
    ];
    expect(wanted.filter((id) => !(id in en) || !(id in pt))).toEqual([]);
  });
});
