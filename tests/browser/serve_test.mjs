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
async function until(what, test) {
  try {
    await page.waitForFunction(test, null, { timeout: 5000 });
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
expect(problems.length === 0, `no console errors (${problems.join('; ')})`);


await browser.close();
finish();
