/**
 * `npm run trace:corpus -- <folder>`: the Trace's own analysis (the worker's code) on every HAR in a
 * folder of real recordings, file by file: logins and token requests found, the diagnosis, failed
 * checks, whether the shared copy is offered, and the time. With a `manifest.json` (the expert's
 * reading) beside them, the logins are compared by (client ID, issuer host) and each secret the
 * manifest locates is searched for in the copy and the report, with the folder's own `secrets.mjs`
 * (imported from there, never copied here). Exits 1 when a login count or a secret fails.
 * Not part of `npm test`: the recordings are real people's data and stay outside the repository.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { substitute, wordsFrom } from '../src/core/view/words.ts';
import { checkTitle } from '../src/core/view/verdict.ts';
import { sharedCopy, traceFile } from '../src/trace/analysis/read-file.ts';
import { traceMarkdown } from '../src/trace/analysis/trace-report.ts';

const folder = resolve(process.argv[2] ?? '../shared/har-corpus');
if (!existsSync(folder)) {
  console.error(`No folder at ${folder}: give one, e.g. npm run trace:corpus -- ../shared/har-corpus`);
  process.exit(2);
}
const messages = JSON.parse(readFileSync('_locales/en/messages.json', 'utf8')) as Record<
  string,
  { message: string }
>;
const w = wordsFrom((id, subs) => (messages[id] ? substitute(messages[id].message, subs) : ''));

interface Locator {
  label: string;
  kind: string;
}
interface Expected {
  file: string;
  expert: { logins?: { clientId: string; issuerHost: string; outcome: string }[] };
  secrets: Locator[];
}
interface SecretTools {
  secretValues: (har: unknown, loc: Locator) => string[];
  searchable: (text: string) => string;
  stillThere: (text: string, value: string) => string[];
}
const manifestPath = join(folder, 'manifest.json');
const manifest = existsSync(manifestPath)
  ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as { files: Expected[] })
  : undefined;
const tools = existsSync(join(folder, 'secrets.mjs'))
  ? ((await import(pathToFileURL(join(folder, 'secrets.mjs')).href)) as SecretTools)
  : undefined;
if (!manifest) console.log(`(no manifest.json in ${folder}: nothing to compare with)`);

const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};
const count = (pairs: string[]) =>
  pairs.reduce((m, p) => m.set(p, (m.get(p) ?? 0) + 1), new Map<string, number>());

let failures = 0;
const table: string[] = [
  '| File | Logins (expert) | Token requests | Copy | Same logins in the copy | Secrets left | Time |',
  '|---|---|---|---|---|---|---|',
];
for (const file of readdirSync(folder)
  .filter((f) => f.endsWith('.har'))
  .sort()) {
  const started = performance.now();
  const text = readFileSync(join(folder, file), 'utf8');
  const read = await traceFile(text);
  console.log(`\n## ${file}`);
  if ('error' in read) {
    console.log(`  not read: ${w.spoken(read.error.say)}`);
    failures++;
    continue;
  }
  const copy = sharedCopy(read.har, read.trace, { keepOtherBodies: false });
  const ms = performance.now() - started;
  const { attempts, notes } = read.trace;
  const logins = attempts.filter((a) => a.grant === undefined || a.grant === 'password');
  for (const a of attempts) {
    console.log(
      `  ${a.grant === undefined ? 'login' : `token request (${a.grant})`}: ${a.clientId} at ${a.issuer}`,
    );
    if (a.succeeded) console.log(`    ✓ ${w.spoken(a.succeeded.say)}`);
    for (const d of a.diagnosis) console.log(`    - ${w.spoken(d.say)}`);
    for (const c of a.checks.filter((c) => c.status === 'fail'))
      console.log(`    ✗ ${checkTitle(c, w)} (${c.id})`);
  }
  for (const n of notes) console.log(`  note: ${w.spoken(n.say)}`);
  const offered = copy.leftover ? `refused (${copy.leftover.kind}, entry ${copy.leftover.entry})` : 'offered';
  console.log(`  copy: ${offered}; removed ${JSON.stringify(copy.removed)}`);
  // The copy's own analysis (the report is written from it) finds the same logins at the same hosts.
  const loginsOf = (t: typeof read.trace) =>
    t.attempts.map((a) => `${a.clientId} @ ${hostOf(a.issuer)}`).join(', ');
  const sameInCopy = loginsOf(copy.safeTrace) === loginsOf(read.trace);
  if (!sameInCopy) {
    failures++;
    console.log(`  ✗ the copy's analysis finds ${loginsOf(copy.safeTrace) || 'no login'}`);
  }

  const expected = manifest?.files.find((f) => f.file === file);
  let expertLogins = '–';
  let left = '–';
  if (expected) {
    const want = count((expected.expert.logins ?? []).map((l) => `${l.clientId} @ ${l.issuerHost}`));
    const got = count(logins.map((a) => `${a.clientId} @ ${hostOf(a.issuer)}`));
    const same = want.size === got.size && [...want].every(([k, n]) => got.get(k) === n);
    expertLogins = `${logins.length} (${[...want.values()].reduce((a, b) => a + b, 0)})${same ? '' : ' ✗'}`;
    if (!same) {
      failures++;
      console.log(`  ✗ logins: expert ${JSON.stringify([...want])}, found ${JSON.stringify([...got])}`);
    }
    for (const l of expected.expert.logins ?? []) console.log(`  expert: ${l.clientId}: ${l.outcome}`);
    if (tools) {
      const original = JSON.parse(text) as unknown;
      const inCopy = tools.searchable(copy.text) + '\n' + traceMarkdown(copy.safeTrace, file, w);
      const leftSecrets = expected.secrets.flatMap((loc) =>
        tools
          .secretValues(original, loc)
          .flatMap((v) => (tools.stillThere(inCopy, v).length ? [loc.label] : [])),
      );
      left = String(leftSecrets.length);
      if (leftSecrets.length) {
        failures++;
        console.log(`  ✗ secrets still in the copy or the report: ${[...new Set(leftSecrets)].join('; ')}`);
      }
    }
  }
  if (copy.leftover) failures++;
  table.push(
    `| ${file} | ${expertLogins} | ${attempts.length - logins.length} | ${offered} | ${sameInCopy ? 'yes' : 'no ✗'} | ${left} | ${Math.round(ms)} ms |`,
  );
}
console.log(`\n${table.join('\n')}`);
if (failures) console.log(`\n${failures} failure(s)`);
process.exit(failures ? 1 : 0);
