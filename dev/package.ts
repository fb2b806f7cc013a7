import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { zipSync } from 'fflate';
import { DIST } from './browser.ts';

// `npm run package`: dist/ as the Chrome Web Store takes it, refusing what the store (or our design)
// does not want shipped.
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });

const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8')) as {
  version: string;
  key?: string;
  icons?: Record<string, string>;
};
const all = files(DIST).map((p) => relative(DIST, p).split('\\').join('/'));
const problems = [
  ...all.filter((p) => p.endsWith('.map')).map((p) => `a source map is in dist/: ${p}`),
  ...('key' in manifest ? ['the manifest has a `key`: the store assigns the id'] : []),
  ...['16', '48', '128']
    .filter((s) => !manifest.icons?.[s] || !all.includes(manifest.icons[s]))
    .map((s) => `the ${s} px icon is missing`),
];
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
const out = resolve(import.meta.dirname, '..', 'release', `auth-code-inspector-${manifest.version}.zip`);
mkdirSync(resolve(out, '..'), { recursive: true });
const zip = zipSync(Object.fromEntries(all.map((p) => [p, readFileSync(join(DIST, p))])), { level: 9 });
writeFileSync(out, zip);
console.log(`${relative(process.cwd(), out)}: ${all.length} files, ${(zip.length / 1024).toFixed(1)} KB`);
