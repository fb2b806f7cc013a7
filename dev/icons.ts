import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { findBrowser, INSTALL_HINT } from './browser.ts';

// The toolbar and store icons, drawn from dev/icon.svg by Chromium: run after editing the SVG and
// commit the PNGs (the package needs them; the build only copies public/).
const executablePath = findBrowser();
if (!executablePath) throw new Error(INSTALL_HINT);
const svg = readFileSync(resolve(import.meta.dirname, 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath, headless: true });
for (const size of [16, 48, 128]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
  );
  const png = await page.screenshot({ omitBackground: true });
  writeFileSync(resolve(import.meta.dirname, '..', 'public', 'icons', `icon-${size}.png`), png);
  await page.close();
}
await browser.close();
