import { findBrowser, INSTALL_HINT } from './browser.ts';

// The end-to-end tests need a real Chromium; say how to get one rather than fail obscurely.
if (!findBrowser()) {
  console.error(INSTALL_HINT);
  process.exit(1);
}
