import { defineConfig } from 'vitest/config';

/** Real Chromium with the built extension, one browser per file, files one after another (2 cores). */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    expect: { poll: { timeout: 10_000 } },
  },
});
