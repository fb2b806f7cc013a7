/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx } from '@crxjs/vite-plugin';
import manifest from './manifest.json' with { type: 'json' };

export default defineConfig({
  plugins: [preact(), crx({ manifest })],
  build: {
    target: 'chrome116',
    // The inspector is not named by the manifest, so it must be an explicit entry to be bundled.
    rollupOptions: { input: { inspector: 'src/inspector/index.html' } },
  },
  test: {
    include: ['test/unit/**/*.test.ts'],
  },
});
