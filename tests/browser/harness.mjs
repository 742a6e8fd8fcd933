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

// Whether the "now" status line ("Monday 21 December 2026, 9am to 5pm UK time: ...")
// names the UK date `date` (YYYY-MM-DD) and a stretch of the day that holds `time`
// (HH:MM): the page says the stretch in which its answer holds, not the minute.
export function statusHolds(status, date, time) {
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
    'November', 'December'];
  const [year, month, day] = date.split('-').map(Number);
  if (!status.includes(`${day} ${months[month - 1]} ${year}`)) return false;
  const stretch = status.match(/, (\S+) to (\S+) UK time/);
  if (!stretch) return false;
  const minute = (words, end) => {
    if (words === 'midnight') return end ? 24 * 60 : 0;
    if (words === 'midday') return 12 * 60;
    const clock = words.match(/^(\d+)(?::(\d\d))?(am|pm)$/);
    return clock ? ((Number(clock[1]) % 12) + (clock[3] === 'pm' ? 12 : 0)) * 60 + Number(clock[2] || 0) : NaN;
  };
  const [hour, minutes] = time.split(':').map(Number);
  const at = hour * 60 + minutes;
  return minute(stretch[1], false) <= at && at < minute(stretch[2], true);
}
