// The availability conformance table asked of the page's "available now" view, in
// Debian's Chromium with the clock set to each row's UK time.
// Usage: node page_rows.mjs PAGE.html TABLE.tsv NODE_MODULES_FOLDER
import fs from 'node:fs';
import path from 'node:path';

import { launchChromium, statusHolds } from '../browser/harness.mjs';

const [page, tablePath, modules] = process.argv.slice(2);
const rows = [];
fs.readFileSync(tablePath, 'utf8').split('\n').forEach((line, index) => {
  if (line === '' || line.startsWith('#')) return;
  const [written, date, time, expected] = line.split('\t');
  rows.push({ number: index + 1, title: written === '' ? 'not stated' : written, date, time, expected });
});

// The instant at which the UK's clocks show `date` `time`: GMT in winter, BST in summer.
const london = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit',
  day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
function ukInstant(date, time) {
  const [y, m, d] = date.split('-').map(Number);
  const [h, min] = time.split(':').map(Number);
  for (const offset of [0, 60]) {
    const instant = new Date(Date.UTC(y, m - 1, d, h, min) - offset * 60000);
    const parts = Object.fromEntries(london.formatToParts(instant).map((p) => [p.type, p.value]));
    if (`${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}` === `${date} ${time}`) return instant;
  }
  throw new Error(`no UK instant for ${date} ${time}`);
}

const browser = await launchChromium(modules);
// A device set to Tokyo: the page keeps UK time whatever the reader's time zone. One
// tab, loaded again at each row's time.
const context = await browser.newContext({ timezoneId: 'Asia/Tokyo', locale: 'en-GB' });
const tab = await context.newPage();
const problems = [];
tab.on('pageerror', (error) => problems.push(error.message));
const times = [...new Set(rows.map((row) => `${row.date} ${row.time}`))];
let checked = 0;
let failed = 0;
for (const when of times) {
  const [date, time] = when.split(' ');
  await tab.clock.setFixedTime(ukInstant(date, time));
  await tab.goto('file://' + path.resolve(page));
  const shown = await tab.$$eval('.contact', (elements) => elements.map((element) => ({
    title: element.querySelector('.who strong').textContent,
    available: element.classList.contains('available-now'),
  })));
  const status = await tab.textContent('#now-status');
  if (!statusHolds(status, date, time)) {
    console.log(`FAIL at ${when}: the page shows "${status}", not the time asked`);
    failed += 1;
  }
  for (const row of rows.filter((r) => r.date === date && r.time === time)) {
    const contact = shown.find((c) => c.title === row.title);
    checked += 1;
    if (!contact) {
      console.log(`FAIL line ${row.number}: no contact '${row.title}' on the page`);
      failed += 1;
    } else if ((contact.available ? 'yes' : 'no') !== row.expected) {
      console.log(`FAIL line ${row.number}: '${row.title}' on ${date} at ${time}: the page says ` +
        `${contact.available ? 'yes' : 'no'}, the table ${row.expected}`);
      failed += 1;
    }
  }
}
if (problems.length > 0) {
  console.log(`FAIL: the page's script failed: ${problems.join('; ')}`);
  failed += 1;
}
await browser.close();
console.log(`checked ${checked} rows`);
process.exit(failed === 0 && checked > 0 ? 0 : 1);
