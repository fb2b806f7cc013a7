import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { zipSync } from 'fflate';
import { DIST } from './browser.ts';
import { DIST_FIREFOX } from './firefox.ts';
import { GECKO_ID } from './manifest.ts';

// `npm run package`: dist/ as the Chrome Web Store takes it, dist-firefox/ as addons.mozilla.org takes
// it, and the source zip AMO's reviewers rebuild the bundled code from; refusing what the stores (or
// our design) do not want shipped.
const ROOT = resolve(import.meta.dirname, '..');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });

interface Manifest {
  version: string;
  key?: string;
  icons?: Record<string, string>;
  background?: { service_worker?: string; scripts?: string[] };
  browser_specific_settings?: { gecko?: { id?: string } };
  minimum_chrome_version?: string;
}

function problemsOf(dir: string, all: string[], manifest: Manifest, firefox: boolean): string[] {
  const name = relative(ROOT, dir);
  return [
    ...all.filter((p) => p.endsWith('.map')).map((p) => `a source map is in ${name}/: ${p}`),
    ...('key' in manifest ? [`${name}: the manifest has a \`key\`: the store assigns the id`] : []),
    ...['16', '48', '128']
      .filter((s) => !manifest.icons?.[s] || !all.includes(manifest.icons[s]))
      .map((s) => `${name}: the ${s} px icon is missing`),
    ...(firefox
      ? [
          ...(manifest.browser_specific_settings?.gecko?.id === GECKO_ID
            ? []
            : [`${name}: the add-on id is not ${GECKO_ID}`]),
          ...(manifest.background?.service_worker
            ? [`${name}: Firefox runs no background service worker`]
            : []),
          ...(manifest.minimum_chrome_version
            ? [`${name}: a Chromium-only key (minimum_chrome_version)`]
            : []),
        ]
      : []),
  ];
}

const zipped = (root: string, paths: string[]) =>
  zipSync(Object.fromEntries(paths.map((p) => [p, readFileSync(join(root, p))])), { level: 9 });

const outDir = resolve(ROOT, 'release');
mkdirSync(outDir, { recursive: true });
const write = (name: string, zip: Uint8Array, count: number) => {
  const out = join(outDir, name);
  writeFileSync(out, zip);
  console.log(`${relative(process.cwd(), out)}: ${count} files, ${(zip.length / 1024).toFixed(1)} KB`);
};

let version = '';
const problems: string[] = [];
const builds = [
  { dir: DIST, browser: 'chromium', firefox: false },
  { dir: DIST_FIREFOX, browser: 'firefox', firefox: true },
].map((b) => {
  const manifest = JSON.parse(readFileSync(join(b.dir, 'manifest.json'), 'utf8')) as Manifest;
  const all = files(b.dir).map((p) => relative(b.dir, p).split('\\').join('/'));
  problems.push(...problemsOf(b.dir, all, manifest, b.firefox));
  version = manifest.version;
  return { ...b, all };
});
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
for (const b of builds)
  write(`auth-code-inspector-${version}-${b.browser}.zip`, zipped(b.dir, b.all), b.all.length);
// The sources as committed: what `npm ci && npm run build:firefox` turns into the Firefox zip.
const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' })
  .split('\0')
  .filter((p) => p !== '' && statSync(join(ROOT, p), { throwIfNoEntry: false })?.isFile());
write(`auth-code-inspector-${version}-source.zip`, zipped(ROOT, tracked), tracked.length);
