import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { logIn, openPopup, waitForPage } from './pages.ts';
import { DIST, launchWithExtension, redirectUrlFor } from './browser.ts';
import { confidentialClient, startProvider } from './provider.ts';

/**
 * `npm run bench`: each figure printed next to its floor, both measured in this run on this machine.
 * Medians of several rounds; nothing here is a pass/fail timing test except the exit code on targets.
 */
const ROUNDS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const ms = (x: number) => `${x.toFixed(1)} ms`;
const results: { name: string; value: string; floor: string; target: string; ok: boolean }[] = [];

const ext = await launchWithExtension({ headless: true });
const idp = await startProvider({
  clients: [confidentialClient('bench-app', 'bench-secret', [redirectUrlFor(ext.extensionId)])],
});
const base = `chrome-extension://${ext.extensionId}`;

// 1. Popup ready (fields restored and rendered: its 'popup-ready' mark) vs the extension's own
// manifest.json loading, both read from the page's navigation clock.
const page = await ext.context.newPage();
const manifestTimes: number[] = [];
const popupTimes: number[] = [];
for (let i = 0; i < ROUNDS * 2 + 3; i++) {
  if (i === 3) [manifestTimes.length, popupTimes.length] = [0, 0]; // the first rounds warm the caches up
  await page.goto(`${base}/manifest.json`);
  await page.waitForLoadState('load');
  manifestTimes.push(
    await page.evaluate<number>(`performance.getEntriesByType('navigation')[0].loadEventEnd`),
  );
  await page.goto(`${base}/src/popup/index.html`);
  await page.getByRole('button', { name: 'Authorize' }).waitFor();
  popupTimes.push(await page.evaluate<number>(`performance.getEntriesByName('popup-ready')[0].startTime`));
}
const [popupMs, manifestMs] = [median(popupTimes), median(manifestTimes)];
results.push({
  name: 'popup ready',
  value: ms(popupMs),
  floor: `manifest.json loads in ${ms(manifestMs)}`,
  target: '≤ 2× floor',
  ok: popupMs <= 2 * manifestMs,
});
await page.close();

// 2. Popup JavaScript, gzipped: every script the popup page loads.
const popupHtml = readFileSync(join(DIST, 'src/popup/index.html'), 'utf8');
const scripts = new Set<string>();
const visit = (path: string) => {
  if (scripts.has(path)) return;
  scripts.add(path);
  const code = readFileSync(join(DIST, path), 'utf8');
  for (const m of code.matchAll(/from\s*["']\.\/([^"']+\.js)["']|import\s*["']\.\/([^"']+\.js)["']/g))
    visit(`assets/${m[1] ?? m[2]}`);
};
for (const m of popupHtml.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)) visit(m[1]!);
const gzipBytes = [...scripts].reduce((sum, p) => sum + gzipSync(readFileSync(join(DIST, p))).length, 0);
results.push({
  name: 'popup JS (gzip)',
  value: `${(gzipBytes / 1024).toFixed(1)} KB in ${scripts.size} files`,
  floor: '—',
  target: '≤ 20 KB',
  ok: gzipBytes <= 20 * 1024,
});

// 3. Tokens on screen after the callback vs the provider's own handling of the requests after it.
const shownAfter: number[] = [];
const providerMs: number[] = [];
const roundTrips: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  const popup = await openPopup(ext.context, ext.extensionId, {
    issuer: idp.issuer,
    clientId: 'bench-app',
    secret: 'bench-secret',
  });
  const before = idp.handlingMs.length;
  await popup.getByRole('button', { name: 'Authorize' }).click();
  const inspector = await waitForPage(ext.context, (u) => u.includes('/src/inspector/index.html#run='));
  await inspector.waitForLoadState('domcontentloaded');
  // Mark, in the page's own clock, the moment the id_token claims table appears.
  // (A string, not a function: tsx's name-keeping helpers do not exist inside the page.)
  const shown = inspector.evaluate<number>(`new Promise((resolve) => {
    new MutationObserver(() => {
      if ([...document.querySelectorAll('caption')].some((c) => c.textContent === 'id_token claims')) resolve(Date.now());
    }).observe(document.body, { childList: true, subtree: true });
  })`);
  await logIn(await waitForPage(ext.context, (u) => u.startsWith(`${idp.issuer}/interaction/`)));
  const shownAt = await shown;
  const [callbackAt, roundTrip] = await ext.worker.evaluate(async () => {
    const all = await chrome.storage.session.get(null);
    const runs = Object.values(all).filter(
      (
        v,
      ): v is {
        createdAt: number;
        steps: { kind: string; at: number; exchange?: { durationMs: number } }[];
      } => typeof v === 'object' && v !== null && 'steps' in v,
    );
    const newest = runs.sort((a, b) => b.createdAt - a.createdAt)[0];
    return [
      newest?.steps.find((s) => s.kind === 'callback')?.at ?? NaN,
      newest?.steps.find((s) => s.kind === 'token')?.exchange?.durationMs ?? NaN,
    ];
  });
  shownAfter.push(shownAt - callbackAt);
  roundTrips.push(roundTrip);
  providerMs.push(
    idp.handlingMs
      .slice(before)
      .filter((h) => h.route === 'token' || h.route === 'jwks')
      .reduce((s, h) => s + h.ms, 0),
  );
  await popup.close();
  await inspector.close();
}
const [shownMs, floorMs] = [median(shownAfter), median(providerMs)];
results.push({
  name: 'tokens shown after callback',
  value: ms(shownMs),
  floor: `provider handles token + JWKS requests in ${ms(floorMs)}`,
  target: '≤ 5× floor',
  ok: shownMs <= 5 * floorMs,
});
// Where that time goes: the token request's round trip as the worker's fetch saw it, and the rest
// (callback parsing, storage, the inspector's render), which is the extension's own work.
const roundTripMs = median(roundTrips);
results.push({
  name: '  of which: token round trip in the browser',
  value: ms(roundTripMs),
  floor: `provider ${ms(floorMs)}`,
  target: '(breakdown)',
  ok: true,
});
results.push({
  name: '  of which: the extension’s own work',
  value: ms(shownMs - roundTripMs),
  floor: `provider ${ms(floorMs)}`,
  target: '≤ 5× floor',
  ok: shownMs - roundTripMs <= 5 * floorMs,
});

await ext.context.close();
await idp.close();

console.log(`\nAuth Code Inspector bench (median of ${ROUNDS}+ rounds)\n`);
console.table(
  results.map((r) => ({
    figure: r.name,
    value: r.value,
    floor: r.floor,
    target: r.target,
    met: r.ok ? 'yes' : 'NO',
  })),
);
process.exit(results.every((r) => r.ok) ? 0 : 1);
