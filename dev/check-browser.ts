import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findBrowser, INSTALL_HINT } from './browser.ts';
import { FIREFOX, FIREFOX_INSTALL_HINT } from './firefox.ts';

// The tests need a real Chromium, and curl, python3 and zsh (a copied "Copy as curl" is pasted into
// bash and zsh through a terminal): say how to get them rather than fail obscurely.
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
  ...(existsSync(FIREFOX) ? [] : [FIREFOX_INSTALL_HINT]),
  ...['curl', 'python3', 'zsh']
    .filter((c) => !has(c))
    .map((c) => `${c} is missing: install it with \`sudo apt-get install -y ${c}\` (Debian/Ubuntu).`),
];
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
