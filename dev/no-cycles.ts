import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * `npm run lint` (with eslint): no import cycle in `src/` (design.md: rooms with doors, no cycles).
 * Value imports only: an `import type` is erased from the build and joins no cycle. Prints each cycle
 * as a chain of files and fails. `tsx dev/no-cycles.ts <dir>` checks another tree (the test's example).
 */
const ROOT = resolve(process.argv[2] ?? join(import.meta.dirname, '..', 'src'));

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : [];
  });

// `import x from './a.ts'`, `import { a, type B } from './a.ts'`, `export … from './a.ts'`, `import './a.ts'`;
// not `import type …` nor `export type …`.
const IMPORT = /^\s*(import|export)\s+(?!type\b)(?:[^'"]*?\sfrom\s+)?['"](\.{1,2}\/[^'"]+)['"]/gm;

const graph = new Map<string, string[]>();
for (const file of sources(ROOT)) {
  const code = readFileSync(file, 'utf8');
  const targets = [...code.matchAll(IMPORT)]
    // `import { type A, type B } from` brings nothing at run time either.
    .filter((m) => !/^\s*import\s*\{\s*(type\s+\w+\s*,?\s*)+\}\s*from/.test(m[0]))
    .map((m) => resolve(dirname(file), m[2]!));
  graph.set(file, targets);
}

const cycles: string[][] = [];
const state = new Map<string, 'open' | 'done'>();
const path: string[] = [];
function visit(file: string): void {
  state.set(file, 'open');
  path.push(file);
  for (const next of graph.get(file) ?? []) {
    if (state.get(next) === 'open') cycles.push([...path.slice(path.indexOf(next)), next]);
    else if (!state.has(next) && graph.has(next)) visit(next);
  }
  path.pop();
  state.set(file, 'done');
}
for (const file of graph.keys()) if (!state.has(file)) visit(file);

if (cycles.length) {
  for (const cycle of cycles)
    console.error(`import cycle: ${cycle.map((f) => relative(ROOT, f)).join(' → ')}`);
  process.exit(1);
}
