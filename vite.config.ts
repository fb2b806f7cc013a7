/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx } from '@crxjs/vite-plugin';
import manifest from './manifest.json' with { type: 'json' };

export default defineConfig({
  plugins: [preact(), crx({ manifest })],
  build: {
    target: 'chrome116',
    // The inspector and the trace page are not named by the manifest: explicit entries, to be bundled.
    rollupOptions: {
      input: {
        inspector: 'src/inspector/index.html',
        trace: 'src/trace/index.html',
        panel: 'src/trace/panel.html',
      },
    },
  },
  test: {
    include: ['test/unit/**/*.test.ts'],
    // Threads start faster than forks, and the unit tests share no state: the suite is mostly start-up.
    pool: 'threads',
    isolate: false,
    // Core's errors carry English words, as in the service worker.
    setupFiles: ['src/core/english.ts'],
  },
});
