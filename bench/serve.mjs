// Times each save of a protocol to the open page showing it, in Debian's Chromium.
// Usage: node serve.mjs SERVER_URL PROTOCOL_FILE NODE_MODULES_FOLDER SAVES
import fs from 'node:fs';
import path from 'node:path';

import { launchChromium } from '../tests/browser/harness.mjs';

const [server, protocol, modules, saves] = process.argv.slice(2);
const browser = await launchChromium(modules);
const page = await browser.newPage();
await page.goto(`${server}/${path.basename(protocol, '.esc')}.html`);
const original = fs.readFileSync(protocol, 'utf8');
const title = 'Escalation to Line or Team Manager';
const times = [];
for (let i = 0; i < Number(saves); i += 1) {
  const marker = `Escalation to Line or Team Manager (save ${i})`;
  const started = performance.now();
  fs.writeFileSync(protocol, original.replace(title, marker));
  await page.waitForFunction((m) => document.querySelector('main').textContent.includes(m), marker, { polling: 'raf' });
  times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)].toFixed(0);
const slowest = times[times.length - 1].toFixed(0);
console.log(`save to updated page, ${times.length} saves: median ${median} ms, slowest ${slowest} ms`);
await browser.close();
