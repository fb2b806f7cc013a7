import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * `npm run lint` (with eslint): no import cycle in `src/` or `dev/` (design.md: rooms with doors, no
 * cycles). Type imports count too: an `import type` is erased from the build, but a circle of types is
 * still two files that cannot be understood one without the other. Prints each cycle as a chain of
 * files and fails. `tsx dev/no-cycles.ts <dir>…` checks other trees (the test's example).
 */
const ROOTS =
  process.argv.length > 2
    ? process.argv.slice(2).map((d) => resolve(d))
    : ['src', 'dev'].map((d) => resolve(join(import.meta.dirname, '..', d)));

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : [];
  });

// `import x from './a.ts'`, `import type { B } from './a.ts'`, `export … from './a.ts'`, `import './a.ts'`.
const IMPORT = /^\s*(import|export)\s+(?:[^'"]*?\sfrom\s+)?['"](\.{1,2}\/[^'"]+)['"]/gm;

const graph = new Map<string, string[]>();
for (const file of ROOTS.flatMap(sources)) {
  const code = readFileSync(file, 'utf8');
  graph.set(
    file,
    [...code.matchAll(IMPORT)].map((m) => resolve(dirname(file), m[2]!)),
  );
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
    console.error(
      `import cycle: ${cycle.map((f) => relative(ROOTS.length === 1 ? ROOTS[0]! : process.cwd(), f)).join(' → ')}`,
    );
  process.exit(1);
}
