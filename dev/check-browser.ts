import { execFileSync } from 'node:child_process';
import { findBrowser, INSTALL_HINT } from './browser.ts';

// The end-to-end tests need a real Chromium, and curl and python3 (a pasted "Copy as curl" runs in
// bash): say how to get them rather than fail obscurely.
const has = (command: string) => {
  try {
    execFileSync(command, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const problems = [
  ...(findBrowser() ? [] : [INSTALL_HINT]),
  ...['curl', 'python3']
    .filter((c) => !has(c))
    .map((c) => `${c} is missing: install it with \`sudo apt-get install -y ${c}\` (Debian/Ubuntu).`),
];
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
