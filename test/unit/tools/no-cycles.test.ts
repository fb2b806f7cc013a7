import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const SCRIPT = resolve(import.meta.dirname, '..', '..', '..', 'dev', 'no-cycles.ts');

/** Runs the lint's cycle check on a tree of files; answers its exit code and what it printed. */
function check(files: Record<string, string>): { code: number; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'aci-cycles-'));
  for (const [name, code] of Object.entries(files)) writeFileSync(join(dir, name), code);
  try {
    execFileSync('npx', ['tsx', SCRIPT, dir], { encoding: 'utf8', stdio: 'pipe' });
    return { code: 0, output: '' };
  } catch (e) {
    const failed = e as { status: number; stderr: string };
    return { code: failed.status, output: failed.stderr };
  }
}

describe('the lint refuses an import cycle', () => {
  test('an import cycle fails, naming the chain, type-only imports included; a one-way chain passes', () => {
    const cycle = check({
      'a.ts': "import { b } from './b.ts';\nexport const a = () => b;\n",
      'b.ts': "export { c as b } from './c.ts';\n",
      'c.ts': "import { a } from './a.ts';\nexport const c = () => a;\n",
    });
    expect(cycle.code).toBe(1);
    expect(cycle.output).toContain('import cycle: a.ts → b.ts → c.ts → a.ts');
    const typesOnly = check({
      'a.ts': "import type { B } from './b.ts';\nexport type A = B | 1;\nexport const a = 1;\n",
      'b.ts': "import { a } from './a.ts';\nexport type B = typeof a;\n",
    });
    expect(typesOnly.code).toBe(1);
    expect(typesOnly.output).toContain('import cycle: a.ts → b.ts → a.ts');
    const oneWay = check({
      'a.ts': 'export type A = 1;\nexport const a = 1;\n',
      'b.ts': "import { a, type A } from './a.ts';\nexport const b: A = a;\n",
      'c.ts': "import type { A } from './a.ts';\nimport { b } from './b.ts';\nexport const c: A = b;\n",
    });
    expect(oneWay).toEqual({ code: 0, output: '' });
  }, 30_000);
});
