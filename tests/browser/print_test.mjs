// The pages on paper, and the amendments pages on a phone and a desktop. Each protocol's
// page printed to A4 (Chromium's own PDF, read back with poppler's pdftotext): the first
// page is the summary, whole, with the date of printing; no mark of who could be reached
// at the moment of printing; nothing to click; no more pages than the text needs. axe-core
// finds no violation in print media on any page, nor on the amendments pages at 320, 375
// and 1280 px.
// Usage: node print_test.mjs SITE_FOLDER AMENDMENTS_SITE_FOLDER NODE_MODULES_FOLDER PDF_FOLDER
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { checkList, launchChromium } from './harness.mjs';

const [site, amendmentsSite, modules, pdfs] = process.argv.slice(2);
const { expect, finish } = checkList();
const browser = await launchChromium(modules);
const axeSource = fs.readFileSync(path.join(modules, 'axe-core', 'axe.min.js'), 'utf8');

// A full A4 page inside the style's margins (182 by 267 mm) holds about 53 lines of
// about 95 characters at 10.5pt. Quotes, boxes, headings and breaks kept out of boxes
// leave room unused; a layout that is working fills at least a third of each page on
// average, so a page's text needs no more pages than that allows, plus the summary's
// page and one for the chart, which is kept whole.
const fullPage = 53 * 95;
const pagesAllowed = (characters) => 2 + Math.ceil(characters / (fullPage / 3));

async function open(folder, name, width, at) {
  const context = await browser.newContext({ timezoneId: 'Europe/London', locale: 'en-GB', viewport: { width, height: 800 } });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.clock.setFixedTime(new Date(at));
  await page.goto('file://' + path.resolve(folder, name));
  return { page, context, problems };
}

async function axeViolations(page) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.map((v) => `${v.id} (${v.nodes.length}: ${v.nodes[0].target.join(' ')})`);
}

// The text of each page of a PDF, by poppler's pdftotext (pages end with a form feed).
function pdfPages(file) {
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  return text.split('\f').slice(0, -1);
}

async function printed(page, name) {
  const file = path.join(pdfs, name.replace(/\.html$/, '.pdf'));
  await page.pdf({ path: file, format: 'A4', preferCSSPageSize: true });
  return pdfPages(file);
}

const flat = (text) => text.replace(/\s+/g, ' ');
const pages = fs.readdirSync(site).filter((f) => f.endsWith('.html')).sort();
const protocols = pages.filter((f) => f !== 'index.html');
expect(protocols.length >= 6, `the site has every protocol's page (found ${protocols.length})`);
const counts = [];

for (const name of protocols) {
  // Opened on a Monday morning, when some contacts are marked as reachable now, and
  // printed a week later: the date is the moment of printing, not of opening.
  const { page, context, problems } = await open(site, name, 1280, '2026-11-23T10:00:00');
  const markedOnScreen = await page.locator('.contact.available-now').count();
  await page.emulateMedia({ media: 'print' });
  const violations = await axeViolations(page);
  expect(violations.length === 0, `${name} in print media: no axe-core violations (${violations.join('; ')})`);

  // Nothing of the moment of printing: the "now" list and badges are gone, and a contact
  // marked as reachable looks like any other.
  const live = await page.evaluate(() => {
    const shown = (selector) => [...document.querySelectorAll(selector)].filter((e) => getComputedStyle(e).display !== 'none'
      && e.getClientRects().length > 0).length;
    const look = (e) => { const style = getComputedStyle(e); return `${style.backgroundColor} ${style.borderLeftColor}`; };
    const marked = [...document.querySelectorAll('.contact.available-now')].map(look);
    const plain = [...document.querySelectorAll('.contact:not(.available-now)')].map(look);
    return { now: shown('#now'), badges: shown('.now-badge'), controls: shown('input, button, select, textarea, nav, .skip'),
      marked: marked.filter((m) => plain.length > 0 && m !== plain[0]).length };
  });
  expect(live.now === 0 && live.badges === 0, `${name} in print media: no "who to contact now" and no "available now" (${live.now}, ${live.badges})`);
  expect(live.marked === 0, `${name} in print media: the ${markedOnScreen} contacts reachable at the time look like the rest (${live.marked} differ)`);
  expect(live.controls === 0, `${name} in print media: nothing to click or type in (${live.controls} shown)`);

  await page.clock.setFixedTime(new Date('2026-11-30T15:00:00'));
  const sheets = await printed(page, name);
  const first = flat(sheets[0] || '');
  const title = flat(await page.locator('h1').textContent());
  const summaryEnd = flat(await page.locator('.summary-end').textContent());
  expect(first.includes(title.slice(0, 40)) && first.includes('Whom to call') && first.includes('The stages and their deadlines'),
    `${name}: the first printed page is the summary (${first.slice(0, 80)})`);
  expect(first.includes(summaryEnd), `${name}: the whole summary fits on the first page`);
  expect(first.includes('Printed on 30 November 2026. Check the website for the current version.'),
    `${name}: the first page says when it was printed (${(first.match(/Printed on[^.]*\./) || ['none'])[0]})`);
  const rest = sheets.slice(1).join('\n').replace(/\s+/g, ' ').length;
  const allowed = pagesAllowed(rest);
  expect(sheets.length >= 2 && sheets.length <= allowed,
    `${name}: ${sheets.length} A4 pages, at most ${allowed} for ${rest} characters after the summary`);
  expect(sheets.every((sheet) => flat(sheet).trim().length > 0), `${name}: no blank page`);
  expect(problems.length === 0, `${name}: no console errors (${problems.join('; ')})`);
  counts.push(`${name} ${sheets.length}`);
  await context.close();
}

// Without its script the page still says it is a printed copy, without a date.
{
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('file://' + path.resolve(site, protocols[0]));
  const sheets = await printed(page, 'no-script.html');
  expect(flat(sheets[0] || '').includes('This is a printed copy. Check the website for the current version.'),
    `${protocols[0]} without its script: the first page says it is a printed copy`);
  await context.close();
}

// The index and the amendments pages print as they are, and say they are printed copies.
const amendments = fs.readdirSync(amendmentsSite).filter((f) => f.endsWith('-amendments.html')).sort();
expect(amendments.length >= 5, `every protocol has its amendments page (found ${amendments.length})`);
for (const [folder, name] of [[site, 'index.html'], ...amendments.map((a) => [amendmentsSite, a])]) {
  const { page, context, problems } = await open(folder, name, 1280, '2026-11-23T10:00:00');
  await page.emulateMedia({ media: 'print' });
  const violations = await axeViolations(page);
  expect(violations.length === 0, `${name} in print media: no axe-core violations (${violations.join('; ')})`);
  const sheets = await printed(page, name);
  const all = flat(sheets.join(' '));
  expect(flat(sheets[0] || '').includes(flat(await page.locator('h1').textContent())), `${name}: the first printed page starts with its heading`);
  expect(all.includes('This is a printed copy. Check the website for the current version.'), `${name}: says it is a printed copy`);
  expect(problems.length === 0, `${name}: no console errors (${problems.join('; ')})`);
  counts.push(`${name} ${sheets.length}`);
  await context.close();
}

// The amendments pages on a phone and a desktop.
for (const name of amendments) {
  for (const width of [320, 375, 1280]) {
    const { page, context } = await open(amendmentsSite, name, width, '2026-11-23T10:00:00');
    const violations = await axeViolations(page);
    expect(violations.length === 0, `${name} at ${width} px: no axe-core violations (${violations.join('; ')})`);
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (width === 320) expect(sideways <= 0, `${name} at 320 px: no horizontal scrolling (${sideways} px too wide)`);
    await context.close();
  }
}

console.log(`A4 pages: ${counts.join(', ')}`);
await browser.close();
finish();
