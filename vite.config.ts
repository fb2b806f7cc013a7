/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx } from '@crxjs/vite-plugin';
import { fileURLToPath } from 'node:url';
import { manifestFor, type Target } from './dev/manifest.ts';
import { popupChunks } from './dev/popup-chunks.ts';

const source = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

/** `vite build` builds Chromium's `dist/`; `vite build --mode firefox` builds `dist-firefox/`, from the same sources. */
export default defineConfig(({ mode }) => {
  const target: Target = mode === 'firefox' ? 'firefox' : 'chromium';
  const chunks = popupChunks({ popup: source('popup/main.tsx'), worker: source('background/index.ts') });
  return {
    plugins: [
      chunks.plugin,
      preact(),
      crx({ manifest: manifestFor(target), browser: target === 'firefox' ? 'firefox' : 'chrome' }),
    ],
    resolve: {
      // The browser's own behaviour (redirect URLs, login-window errors, permission patterns), one file per browser.
      alias: {
        '#browser': source(`platform/${target}/traits.ts`),
      },
    },
    build: {
      target: target === 'firefox' ? 'firefox140' : 'chrome116',
      outDir: target === 'firefox' ? 'dist-firefox' : 'dist',
      // Both browsers preload modules natively (Chrome 66, Firefox 115): no polyfill to fetch on every page.
      modulePreload: { polyfill: false },
      // The inspector and the trace page are not named by the manifest: explicit entries, to be bundled.
      rollupOptions: {
        output: { codeSplitting: { groups: chunks.groups } },
        input: {
          inspector: 'src/inspector/index.html',
          trace: 'src/trace/index.html',
          token: 'src/trace/token.html',
          panel: 'src/trace/panel.html',
        },
      },
    },
    test: {
      include: ['test/unit/**/*.test.ts'],
      // Threads start faster than forks, and the unit tests share no state: the suite is mostly start-up.
      pool: 'threads',
      isolate: false,
      // Correctness, never speed, is asserted here (speed is `npm run bench`'s): the heaviest tests (1,000
      // seeded redactions, 300 malformed HARs) run with typecheck and lint on the same two cores in CI.
      testTimeout: 30_000,
    },
  };
});
