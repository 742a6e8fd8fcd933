// `escc serve` as a policy author meets it in Debian's Chromium: the page open while
// the protocol is edited follows each save without a reload, keeping the reader's place;
// an error replaces the page by the errors, which link the last good page; the fix
// brings the page back.
// Usage: node serve_test.mjs SERVER_URL SITE_FOLDER NODE_MODULES_FOLDER
import fs from 'node:fs';
import path from 'node:path';

import { checkList, launchChromium } from './harness.mjs';

const [server, site, modules] = process.argv.slice(2);
const { expect, finish } = checkList();
const browser = await launchChromium(modules);
const context = await browser.newContext({ viewport: { width: 1200, height: 700 } });
const page = await context.newPage();
const problems = [];
page.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
page.on('pageerror', (error) => problems.push(error.message));
let loads = 0;
page.on('load', () => { loads += 1; });

const protocol = path.join(site, 'merton.esc');
const original = fs.readFileSync(protocol, 'utf8');
const mainText = () => page.evaluate(() => document.querySelector('main').textContent);
async function until(what, test, { on = page, argument = null } = {}) {
  try {
    await on.waitForFunction(test, argument, { timeout: 5000 });
    return true;
  } catch {
    console.log(`(waited 5 s for ${what})`);
    return false;
  }
}

await page.goto(`${server}/merton.html`);
expect((await mainText()).includes('Initial attempts between the practitioners'), 'the page shows the protocol');
expect(await page.locator('.escc-findings').count() === 1, 'the findings are shown on the page');
await page.evaluate(() => window.scrollTo(0, 600));
const scrolled = await page.evaluate(() => window.scrollY);

fs.writeFileSync(protocol, original.replace('Initial attempts between the practitioners who disagree',
  'Talking it through between the practitioners'));
expect(await until('the edit', () => document.querySelector('main').textContent.includes('Talking it through')),
  'a saved edit reaches the open page');
expect(await page.evaluate(() => window.scrollY) === scrolled, 'the reader keeps their place');

fs.writeFileSync(protocol, original.replace('informal stage "Recognition', 'informal stag "Recognition'));
expect(await until('the error', () => document.querySelector('main').textContent.includes('has errors')),
  'a saved error shows the errors in place of the page');
expect((await mainText()).includes('error['), 'the errors are those of escc check');
const lastGood = await page.locator('main a[href="./merton.last-good.html"]').count();
expect(lastGood === 1, 'the errors link the last page built without them');
const good = await context.newPage();
await good.goto(`${server}/merton.last-good.html`);
expect((await good.textContent('main')).includes('Talking it through'), 'the last good page is the edited one');
await good.close();

fs.writeFileSync(protocol, original);
expect(await until('the fix', () => document.querySelector('main').textContent.includes('Initial attempts')),
  'the fix brings the page back');
expect(loads === 1, `the page was never reloaded (${loads} loads)`);

// "Who to contact now" and the filter start again on the new content and data after each
// save, on a Monday at 10am UK time, when every contact in the protocol can be reached.
// The page's timers and listeners are counted as the page makes them: a swap must
// leave one clock and one listener on the filter box, not one more each time.
const contacts = await context.newPage();
contacts.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
contacts.on('pageerror', (error) => problems.push(error.message));
// After the fixed clock, which brings timers of its own.
await contacts.clock.setFixedTime(new Date('2026-12-21T10:00:00Z'));
await contacts.addInitScript(() => {
  const timers = new Set();
  const setInterval = window.setInterval;
  const clearInterval = window.clearInterval;
  window.setInterval = (...args) => { const id = setInterval(...args); timers.add(id); return id; };
  window.clearInterval = (id) => { timers.delete(id); clearInterval(id); };
  const listeners = new WeakMap();
  const add = EventTarget.prototype.addEventListener;
  EventTarget.prototype.addEventListener = function (type, ...rest) {
    const counts = listeners.get(this) || {};
    counts[type] = (counts[type] || 0) + 1;
    listeners.set(this, counts);
    return add.call(this, type, ...rest);
  };
  window.pageCounts = () => ({
    timers: timers.size,
    filter: (listeners.get(document.getElementById('filter')) || {}).input || 0,
    document: Object.values(listeners.get(document) || {}).reduce((a, b) => a + b, 0),
  });
});
const police = 'MPS Crime Manager, Detective Chief Inspector';
const nowList = () => contacts.evaluate(() => Array.from(document.querySelectorAll('#now-list .now-contact'),
  (entry) => entry.textContent.replace(/\s+/g, ' ').trim()));
await contacts.goto(`${server}/merton.html`);
const before = await nowList();
expect(before.length === 5 && before.some((entry) => entry.includes(police) && entry.includes('020 8649 3046')),
  `at first everyone can be reached now, the police contact on 020 8649 3046 (${before.join(' | ')})`);
const counted = await contacts.evaluate(() => window.pageCounts());
await contacts.getByLabel('Filter contacts').fill('police');

fs.writeFileSync(protocol, original.replace('phone "020 8649 3046"', 'phone "020 8649 3999"'));
expect(await until('the new number', () => Array.from(document.querySelectorAll('#now-list .now-contact'))
  .some((entry) => entry.textContent.includes('020 8649 3999')), { on: contacts }), '"who to contact now" gives the new number');
expect(!(await nowList()).some((entry) => entry.includes('020 8649 3046')), 'and no longer the old one');
expect(await contacts.inputValue('#filter') === 'police', 'the reader\'s filter words are kept');
expect(await contacts.locator('.contact:visible').count() === 1, 'and still filter the new directory');
expect(await contacts.textContent('#filter-count') === '1 of 5 contacts shown.', 'the filter counts the new directory');

fs.writeFileSync(protocol, original.replace('phone "020 8649 3046"', 'phone "020 8649 3046" available 21:00-07:00'));
expect(await until('the new hours', (name) => !document.querySelector('#now-list').textContent.includes(name) &&
  document.querySelector('.contact') !== null, { on: contacts, argument: police }), 'new hours take the police contact out of "who to contact now"');
const after = await nowList();
expect(after.length === 4, `the four others can still be reached (${after.join(' | ')})`);
expect((await contacts.textContent('#now-status')).includes('4 contacts can be reached'),
  `the status line counts the new answer (${await contacts.textContent('#now-status')})`);
await contacts.getByLabel('Filter contacts').fill('');
expect(await contacts.locator('.contact:visible').count() === 5, 'the new filter box works (cleared, all five shown)');
expect(await contacts.textContent('#filter-count') === '', 'and its count is cleared');

fs.writeFileSync(protocol, original.replace('informal stage "Recognition', 'informal stag "Recognition'));
expect(await until('the error', () => document.querySelector('main').textContent.includes('has errors'),
  { on: contacts }), 'an error replaces the contacts');
fs.writeFileSync(protocol, original);
expect(await until('the fix', () => document.querySelectorAll('#now-list .now-contact').length === 5,
  { on: contacts }), 'after the fix everyone can be reached again');
const recounted = await contacts.evaluate(() => window.pageCounts());
expect(counted.timers === 1 && recounted.timers === 1, `one clock after four swaps (${counted.timers}, ${recounted.timers})`);
expect(recounted.filter === 1, `one listener on the filter box (${recounted.filter})`);
expect(recounted.document === counted.document, `no listener added to the page (${counted.document}, ${recounted.document})`);
await contacts.close();

// A page first opened on errors has no script of its own until the protocol is fixed.
fs.writeFileSync(protocol, original.replace('informal stage "Recognition', 'informal stag "Recognition'));
await new Promise((resolve) => { setTimeout(resolve, 500); });
const broken = await context.newPage();
await broken.clock.setFixedTime(new Date('2026-12-21T10:00:00Z'));
await broken.goto(`${server}/merton.html`);
expect((await broken.textContent('main')).includes('has errors'), 'a page opened on errors shows them');
fs.writeFileSync(protocol, original);
expect(await until('the fixed page', () => document.querySelectorAll('#now-list .now-contact').length === 5,
  { on: broken }), 'once fixed, it shows who to contact now');
expect(await broken.locator('.filter').isVisible(), 'and offers the filter');
await broken.close();
expect(problems.length === 0, `no console errors (${problems.join('; ')})`);

await browser.close();
finish();
