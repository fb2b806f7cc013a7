import { defineConfig } from 'vitest/config';

/**
 * `SHUFFLE=1` (or a seed, `SHUFFLE=1234`) runs files and tests in a random order: every test makes what
 * it needs, so any order passes. The seed is printed, so a failing order can be run again.
 */
const shuffle = process.env.SHUFFLE;
const seed = shuffle && /^\d{2,}$/.test(shuffle) ? Number(shuffle) : Date.now() % 1_000_000;
if (shuffle) console.log(`e2e order shuffled, seed ${seed} (SHUFFLE=${seed} repeats it)`);

/** Real Chromium with the built extension, one browser per file, files one after another (2 cores). */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts', 'test/firefox/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    expect: { poll: { timeout: 10_000 } },
    sequence: { shuffle: !!shuffle, seed },
  },
});
