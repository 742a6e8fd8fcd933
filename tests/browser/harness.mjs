// What the browser tests share: Debian's Chromium, driven by playwright-core from the
// build folder, and checks that count what failed.
import { createRequire } from 'node:module';
import path from 'node:path';

// Chromium without the network, sync or updates; `modules` is where npm put
// playwright-core (BUILD_DIR/browser/node_modules).
export function launchChromium(modules) {
  const require = createRequire(path.join(path.resolve(modules), 'noop.js'));
  const { chromium } = require('playwright-core');
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

// expect() prints each failure; finish() prints the count and exits 1 if any failed.
export function checkList() {
  let failures = 0;
  let checks = 0;
  return {
    expect(ok, what) {
      checks += 1;
      if (!ok) {
        failures += 1;
        console.log(`FAIL ${what}`);
      }
    },
    finish() {
      console.log(`${checks} checks, ${failures} failed`);
      process.exit(failures === 0 ? 0 : 1);
    },
  };
}
