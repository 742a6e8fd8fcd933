// Hostile pages in Debian's Chromium, driven by playwright-core:
// - every link on the index opens the page it names, whatever the file is called
//   (javascript:alert(1), a#b, what?, 100%, %41, "my area"), and none runs script;
// - pages run escc's own script and nothing else (CSP by hash);
// - "who to contact now" keeps UK time on a device set to New York or Tokyo;
// - an index built by three runs lists every page in its folder.
// Usage: node pages_test.mjs SITE SITE2 NODE_MODULES_FOLDER NAME...
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { checkList, launchChromium, statusHolds } from '../../browser/harness.mjs';

const [site, site2, modules, ...names] = process.argv.slice(2);
const { expect, finish } = checkList();
const browser = await launchChromium(modules);

// The file a file: URL names, or '' for a URL that names none.
function fileOf(url) {
  try {
    return fileURLToPath(url);
  } catch {
    return '';
  }
}

async function open(folder, name, { timezoneId = 'Europe/London', at } = {}) {
  const context = await browser.newContext({ timezoneId, locale: 'en-GB', viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  const dialogs = [];
  page.on('dialog', (dialog) => { dialogs.push(dialog.message()); dialog.dismiss().catch(() => {}); });
  page.on('pageerror', (error) => problems.push(error.message));
  if (at) await page.clock.setFixedTime(new Date(at));
  await page.goto('file://' + path.resolve(folder, name));
  return { page, context, problems, dialogs };
}

// Links on the index: each page's link opens that very page.
{
  const { page, context, dialogs } = await open(site, 'index.html');
  const links = await page.locator('a').evaluateAll((as) => as.map((a) => ({ raw: a.getAttribute('href'), url: a.href })));
  expect(links.length > names.length * 6, `the index has the links (${links.length})`);
  for (const link of links) {
    expect(link.url.startsWith('file:///'), `${link.raw} is a link to a file (${link.url})`);
    expect(link.raw.startsWith('./'), `${link.raw} is relative`);
    const file = fileOf(link.url);
    expect(path.dirname(file) === path.resolve(site) && fs.existsSync(file), `${link.raw} leads to a file in the site (${file})`);
  }
  for (const name of names) {
    const wanted = path.resolve(site, `${name}.html`);
    const matching = links.filter((link) => fileOf(link.url) === wanted);
    expect(matching.length === 2, `the index links ${name}.html twice, by its title and its file (${matching.length})`);
  }
  expect(dialogs.length === 0, `opening the index ran no script (${dialogs.join('; ')})`);
  await context.close();
}
for (const name of names) {
  const { page, context, dialogs } = await open(site, 'index.html');
  await page.getByRole('link', { name: `Protocol in a file called ${name}`, exact: true }).click();
  await page.waitForLoadState();
  const h1 = await page.locator('h1').textContent();
  expect(h1 === `Protocol in a file called ${name}`, `the link to ${name}.html opens it (${h1} at ${page.url()})`);
  expect(fileOf(page.url()) === path.resolve(site, `${name}.html`), `${name}.html is the page opened (${page.url()})`);
  expect(dialogs.length === 0, `clicking ${name} ran no script (${dialogs.join('; ')})`);
  expect(await page.evaluate(() => window.escc_hostile) === undefined, `clicking ${name} set nothing`);
  await context.close();
}

// Only escc's own script runs: by hash, not 'unsafe-inline'.
for (const name of ['javascript:alert(1).html', 'index.html']) {
  const { page, context, problems, dialogs } = await open(site, name, { at: '2026-12-21T10:00:00Z' });
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  const scripts = policy.split(';').map((s) => s.trim()).find((s) => s.startsWith('script-src'));
  expect(name === 'index.html' ? scripts === "script-src 'none'" : /^script-src 'sha256-[A-Za-z0-9+/]+=*'$/.test(scripts),
    `${name}: scripts allowed by hash only (${scripts})`);
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = "window.escc_hostile = 'inline'";
    document.body.appendChild(script);
    const link = document.createElement('a');
    link.href = "javascript:window.escc_hostile = 'link'; alert('link')";
    link.textContent = 'planted';
    document.body.appendChild(link);
    link.click();
  });
  await page.waitForTimeout(200);
  expect(await page.evaluate(() => window.escc_hostile) === undefined && dialogs.length === 0,
    `${name}: a script or javascript: link added to the page does not run`);
  if (name !== 'index.html') {
    const status = await page.locator('#now-status').textContent();
    expect(/^Monday 21 December 2026, /.test(status), `${name}: escc's own script runs (${status})`);
  }
  expect(problems.length === 0, `${name}: no errors (${problems.join('; ')})`);
  await context.close();
}

// "Who to contact now" is worked out in UK time, whatever the device's time zone.
async function now(timezoneId, at) {
  const { page, context } = await open(site, 'barnet.html', { timezoneId, at });
  const available = await page.locator('.contact.available-now .who strong').allTextContents();
  const status = await page.locator('#now-status').textContent();
  await context.close();
  return { available, status };
}
{
  // Monday 21 December 2026, 10:00 in the UK (GMT): 05:00 in New York.
  const newYork = await now('America/New_York', '2026-12-21T10:00:00Z');
  expect(newYork.available.includes('MASH team manager'), 'New York device, UK Monday 10:00: the MASH team manager is available');
  expect(!newYork.available.includes('Emergency Duty Team'), 'New York device, UK Monday 10:00: the Emergency Duty Team is not');
  expect(statusHolds(newYork.status, '2026-12-21', '10:00'), `the status gives UK time (${newYork.status})`);
  // Monday 6 July 2026, 09:30 in the UK (BST, UTC+1): 17:30 in Tokyo.
  const summer = await now('Asia/Tokyo', '2026-07-06T08:30:00Z');
  expect(summer.available.includes('MASH team manager'), 'Tokyo device, UK Monday 09:30 in summer time: the MASH team manager is available');
  expect(statusHolds(summer.status, '2026-07-06', '09:30'), `summer time is kept (${summer.status})`);
  // Thursday 24 December 2026, 23:30 in the UK, already Christmas Day in Tokyo: not a bank holiday yet.
  const christmasEve = await now('Asia/Tokyo', '2026-12-24T23:30:00Z');
  expect(!/bank holiday/.test(christmasEve.status), `Christmas Eve in the UK is not a bank holiday (${christmasEve.status})`);
  expect(statusHolds(christmasEve.status, '2026-12-24', '23:30'), `the UK date is shown (${christmasEve.status})`);
  // Saturday 19 December 2026, 22:00 in the UK: Sunday 07:00 in Tokyo.
  const saturday = await now('Asia/Tokyo', '2026-12-19T22:00:00Z');
  expect(saturday.available.includes('On-call Duty Detective Inspector covering the North of London'),
    'Tokyo device, UK Saturday 22:00: the on-call DI (21:00-07:00) is available');
  expect(!saturday.available.includes('MASH team manager'), 'Tokyo device, UK Saturday 22:00: the MASH team manager is not');
}

// A folder built one protocol at a time: the index lists every page in it.
{
  const { page, context } = await open(site2, 'index.html');
  const pages = await page.locator('h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(JSON.stringify(pages) === JSON.stringify(['./barnet.html', './merton.html']),
    `the index lists both pages built into the folder (${pages.join(', ')})`);
  const files = await page.locator('a').evaluateAll((as) => as.map((a) => a.href));
  expect(files.length === 14 && files.every((url) => fs.existsSync(fileOf(url))),
    `every file the index links is there (${files.length})`);
  await context.close();
}

await browser.close();
finish();
