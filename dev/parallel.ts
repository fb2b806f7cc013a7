import { spawn } from 'node:child_process';

/**
 * `tsx dev/parallel.ts a b c`: runs the npm scripts a, b and c at once (typecheck, lint and the unit
 * tests are each mostly one core), prints each one's output when it ends, and fails if any failed.
 */
const scripts = process.argv.slice(2);
const results = await Promise.all(
  scripts.map(
    (script) =>
      new Promise<{ script: string; code: number; output: string }>((resolve) => {
        const child = spawn('npm', ['run', '-s', script], { env: { ...process.env, FORCE_COLOR: '1' } });
        let output = '';
        child.stdout.on('data', (d: Buffer) => (output += d.toString()));
        child.stderr.on('data', (d: Buffer) => (output += d.toString()));
        child.on('close', (code) => {
          process.stdout.write(
            `\n── npm run ${script} ${code === 0 ? 'passed' : `FAILED (exit ${code})`}\n${output}`,
          );
          resolve({ script, code: code ?? 1, output });
        });
      }),
  ),
);
const failed = results.filter((r) => r.code !== 0).map((r) => r.script);
if (failed.length) {
  console.error(`\nFailed: ${failed.join(', ')}`);
  process.exit(1);
}
