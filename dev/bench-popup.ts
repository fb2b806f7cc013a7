import type { BrowserContext } from 'playwright-core';
import type { BenchRow } from './bench-trace.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const ms = (x: number) => `${x.toFixed(1)} ms`;

/**
 * `npm run bench`'s popup rows: popup ready (fields restored and rendered: its 'popup-ready' mark)
 * against the reference extension's popup, the extension's own manifest.json loading and its
 * smallest page, all read from the page's navigation clock; `rounds` × 2 after 3 warm-up rounds.
 */
export async function popupRows(
  context: BrowserContext,
  base: string,
  refBase: string,
  ROUNDS: number,
): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const page = await context.newPage();
  const manifestTimes: number[] = [];
  const emptyPageTimes: number[] = [];
  const popupTimes: number[] = [];
  const refPopupTimes: number[] = [];
  for (let i = 0; i < ROUNDS * 2 + 3; i++) {
    if (i === 3)
      [manifestTimes.length, emptyPageTimes.length, popupTimes.length, refPopupTimes.length] = [0, 0, 0, 0]; // the first rounds warm the caches up
    // The reference's popup: its one field restored from storage, its button shown.
    await page.goto(`${refBase}/popup.html`);
    await page.getByRole('button', { name: 'Authorize' }).waitFor();
    refPopupTimes.push(
      await page.evaluate<number>(`performance.getEntriesByName('popup-ready')[0].startTime`),
    );
    await page.goto(`${base}/manifest.json`);
    await page.waitForLoadState('load');
    manifestTimes.push(
      await page.evaluate<number>(`performance.getEntriesByType('navigation')[0].loadEventEnd`),
    );
    // The DevTools page is the extension's smallest page: one tiny module script, nothing to render.
    await page.goto(`${base}/src/devtools/index.html`);
    await page.waitForLoadState('load');
    emptyPageTimes.push(
      await page.evaluate<number>(`performance.getEntriesByType('navigation')[0].loadEventEnd`),
    );
    await page.goto(`${base}/src/popup/index.html`);
    await page.getByRole('button', { name: 'Authorize' }).waitFor();
    popupTimes.push(await page.evaluate<number>(`performance.getEntriesByName('popup-ready')[0].startTime`));
  }
  const [popupMs, manifestMs, refPopupMs] = [
    median(popupTimes),
    median(manifestTimes),
    median(refPopupTimes),
  ];
  rows.push({
    name: 'popup ready',
    value: ms(popupMs),
    floor: `the reference extension's popup ready in ${ms(refPopupMs)}`,
    target: '≤ 1.3× floor',
    ok: popupMs <= 1.3 * refPopupMs,
  });
  rows.push({
    name: '  the same, against manifest.json',
    value: ms(popupMs),
    floor: `manifest.json loads in ${ms(manifestMs)}`,
    target: `(reference: ${(popupMs / manifestMs).toFixed(2)}×)`,
    ok: true,
  });
  // A page with a module script costs more than a JSON document however little it does: the same
  // figure against the extension's smallest page, as a second reference.
  const emptyMs = median(emptyPageTimes);
  rows.push({
    name: '  the same, against the smallest extension page',
    value: ms(popupMs),
    floor: `the DevTools page (one tiny script) loads in ${ms(emptyMs)}`,
    target: `(reference: ${(popupMs / emptyMs).toFixed(2)}×)`,
    ok: true,
  });
  await page.close();
  return rows;
}
