// The HTML directories as a reader meets them, in Debian's Chromium driven by
// playwright-core: no console errors, no network, a "now" view that follows the clock,
// a filter that filters, pages readable without JavaScript and in print, accessible
// structure and contrast, and hostile protocol text that runs no script.
// Usage: node directory_test.mjs SITE_FOLDER NODE_MODULES_FOLDER SCREENSHOT_FOLDER
import fs from 'node:fs';
import path from 'node:path';

import { checkList, launchChromium } from './harness.mjs';

const [site, modules, screenshots] = process.argv.slice(2);
const { expect, finish } = checkList();
const browser = await launchChromium(modules);

async function open(name, { javaScript = true, at } = {}) {
  const context = await browser.newContext({
    javaScriptEnabled: javaScript, timezoneId: 'Europe/London', locale: 'en-GB', viewport: { width: 1200, height: 900 },
  });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('request', (request) => {
    if (!/^(file|mailto|tel):/.test(request.url())) problems.push(`network request to ${request.url()}`);
  });
  if (at) await page.clock.setFixedTime(new Date(at));
  await page.goto('file://' + path.resolve(site, name));
  return { page, context, problems };
}

// Structure and contrast, measured in the page.
async function audit(page) {
  return page.evaluate(() => {
    const luminance = (rgb) => {
      const [r, g, b] = rgb.map((v) => { const c = v / 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const parse = (colour) => (colour.match(/[\d.]+/g) || []).map(Number);
    const background = (element) => {
      for (let e = element; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c.length === 3 || (c.length === 4 && c[3] > 0)) return c.slice(0, 3);
      }
      return [255, 255, 255];
    };
    const lowContrast = [];
    for (const element of document.querySelectorAll('body *')) {
      if (element.closest('svg') || !element.offsetParent) continue;
      const ownText = [...element.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim() !== '');
      if (!ownText) continue;
      const fg = luminance(parse(getComputedStyle(element).color).slice(0, 3));
      const bg = luminance(background(element));
      const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
      if (ratio < 4.5) lowContrast.push(`${element.tagName} "${element.textContent.trim().slice(0, 40)}" ${ratio.toFixed(2)}`);
    }
    const levels = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => Number(h.tagName[1]));
    let skipped = false;
    for (let i = 1; i < levels.length; i += 1) skipped = skipped || levels[i] > levels[i - 1] + 1;
    const unlabelled = [...document.querySelectorAll('input')].filter((i) => !i.labels || i.labels.length === 0).length;
    return {
      lang: document.documentElement.lang,
      h1: document.querySelectorAll('h1').length,
      firstHeading: levels[0],
      skipped,
      unlabelled,
      landmarks: ['header', 'nav', 'main', 'footer'].every((tag) => document.querySelector(tag) !== null),
      lowContrast,
    };
  });
}

const protocols = fs.readdirSync(site).filter((f) => f.endsWith('.html') && f !== 'index.html').sort();
expect(protocols.length >= 6, `the site has every protocol's page (found ${protocols.length})`);

for (const name of protocols) {
  const { page, context, problems } = await open(name, { at: '2026-11-23T10:00:00' });
  const result = await audit(page);
  expect(problems.length === 0, `${name}: no console errors or network requests (${problems.join('; ')})`);
  expect(result.lang === 'en-GB', `${name}: the page says its language`);
  expect(result.h1 === 1 && result.firstHeading === 1, `${name}: one h1, first`);
  expect(!result.skipped, `${name}: headings go down one level at a time`);
  expect(result.unlabelled === 0, `${name}: every input has a label`);
  expect(result.landmarks, `${name}: header, nav, main and footer landmarks`);
  expect(result.lowContrast.length === 0, `${name}: text contrast at least 4.5:1 (${result.lowContrast.slice(0, 3).join('; ')})`);
  const svgTitle = await page.locator('figure svg title#chart-title').count();
  expect(name === 'hostile.html' || svgTitle === 1, `${name}: the flow chart is embedded with its title`);
  expect(await page.locator('ol.outline > li').count() > 0, `${name}: the text alternative lists the stages`);
  // Every quote and note of the protocol (from its JSON) is read on the page as text.
  const quotes = [];
  const collect = (value) => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (key === 'quotes' && Array.isArray(item)) item.forEach((quote) => quotes.push(quote.text));
        collect(item);
      }
    }
  };
  collect(JSON.parse(fs.readFileSync(path.join(site, name.replace(/\.html$/, '.json')), 'utf8')));
  const squeeze = (text) => text.replace(/\s+/g, ' ').trim();
  const shown = squeeze(await page.evaluate(() => document.body.innerText));
  const missing = quotes.filter((quote) => !shown.includes(squeeze(quote)));
  expect(missing.length === 0, `${name}: all ${quotes.length} quotes and notes are shown (${missing.slice(0, 2).join(' | ')})`);
  // Focus is visible on the first link reached with the keyboard.
  await page.keyboard.press('Tab');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  expect(outline !== 'none', `${name}: keyboard focus is visible (outline ${outline})`);
  await context.close();
}

// The "now" view follows the clock the test sets.
async function nowTitles(at) {
  const { page, context } = await open('barnet.html', { at });
  const available = await page.locator('.contact.available-now .who strong').allTextContents();
  const status = await page.locator('#now-status').textContent();
  const listed = await page.locator('#now-list .now-contact').count();
  await context.close();
  return { available, status, listed };
}
const saturdayNight = await nowTitles('2026-12-19T22:00:00');
expect(saturdayNight.available.includes('Emergency Duty Team'), 'Saturday 22:00: the Emergency Duty Team is available');
expect(saturdayNight.available.includes('Duty Inspector in charge of the uniform response shift'),
  'Saturday 22:00: the police Duty Inspector (24/7) is available');
expect(!saturdayNight.available.includes('MASH team manager'), 'Saturday 22:00: the MASH team manager is not');
expect(saturdayNight.available.includes('On-call Duty Detective Inspector covering the North of London'),
  'Saturday 22:00: the on-call DI (21:00-07:00) is available');
expect(saturdayNight.listed === saturdayNight.available.length, 'the "now" list has one entry per available contact');
expect(/Saturday,? 19 December 2026/.test(saturdayNight.status), `the "now" status names the time (${saturdayNight.status})`);
const mondayMorning = await nowTitles('2026-12-21T10:00:00');
expect(mondayMorning.available.includes('MASH team manager'), 'Monday 10:00: the MASH team manager is available');
expect(!mondayMorning.available.includes('Emergency Duty Team'), 'Monday 10:00: the Emergency Duty Team is not');
expect(!mondayMorning.available.includes('On-call Duty Detective Inspector covering the North of London'), 'Monday 10:00: the on-call DI is not');
const christmas = await nowTitles('2026-12-25T10:00:00');
expect(christmas.available.includes('Emergency Duty Team') && !christmas.available.includes('MASH team manager'),
  'Christmas Day 10:00: out-of-hours contacts only');
expect(/bank holiday/.test(christmas.status), `Christmas Day is named a bank holiday (${christmas.status})`);

// The filter.
{
  const { page, context, problems } = await open('barnet.html', { at: '2026-11-23T10:00:00' });
  const total = await page.locator('.contact').count();
  await page.getByLabel('Filter contacts').fill('mash');
  const visible = await page.locator('.contact:visible .who').allTextContents();
  expect(visible.length > 0 && visible.length < total, `the filter narrows the list (${visible.length} of ${total})`);
  expect(visible.every((t) => /mash/i.test(t)), 'every contact left by the filter matches it');
  const count = await page.locator('#filter-count').textContent();
  expect(count === `${visible.length} of ${total} contacts shown.`, `the filter says how many are shown (${count})`);
  const hiddenGroups = await page.locator('.group:not(:visible)').count();
  expect(hiddenGroups > 0, 'groups with no match are hidden');
  await page.getByLabel('Filter contacts').fill('');
  expect(await page.locator('.contact:visible').count() === total, 'clearing the filter shows everyone again');
  expect(problems.length === 0, `the filter raises no errors (${problems.join('; ')})`);
  fs.mkdirSync(screenshots, { recursive: true });
  await page.clock.setFixedTime(new Date('2026-12-19T22:00:00'));
  await page.reload();
  await page.screenshot({ path: path.join(screenshots, 'barnet-saturday-night.png'), fullPage: true });
  await context.close();
}

// Without JavaScript: everything is still there to read, and the script-only controls
// are not offered.
{
  const { page, context } = await open('barnet.html', { javaScript: false });
  const contacts = await page.locator('.contact:visible').count();
  const all = await page.locator('.contact').count();
  expect(contacts === all && all > 30, `without JavaScript every contact is readable (${contacts} of ${all})`);
  expect(await page.locator('.filter:visible').count() === 0, 'without JavaScript the filter box is not offered');
  expect(await page.locator('figure svg').isVisible(), 'without JavaScript the flow chart shows');
  await context.close();
}

// In print: the directory without the interactive parts.
{
  const { page, context } = await open('wolverhampton.html', { at: '2026-11-23T10:00:00' });
  await page.emulateMedia({ media: 'print' });
  expect(!(await page.locator('#now').isVisible()), 'the "now" view is left out of print');
  expect(await page.locator('#directory').isVisible(), 'the directory prints');
  await context.close();
}

// Hostile protocol text: shown as text, never run.
{
  const { page, context, problems } = await open('hostile.html', { at: '2026-12-19T22:00:00' });
  // Point at and click everything a reader could, where protocol text could hide a handler.
  for (const element of await page.locator('a:visible, .contact:visible, h1, h3, li:visible').all()) {
    await element.hover({ timeout: 1000 }).catch(() => {});
  }
  for (const link of await page.locator('a[href^="mailto:"]:visible').all()) await link.click({ timeout: 1000 }).catch(() => {});
  const hostile = await page.evaluate(() => window.escc_hostile);
  expect(hostile === undefined, `no protocol text ran as script (window.escc_hostile = ${hostile})`);
  expect(await page.locator('script').count() === 2, 'the page has only its own two scripts');
  expect(await page.locator('iframe, img, main script').count() === 0, 'no element came from protocol text');
  const h1 = await page.locator('h1').textContent();
  expect(h1 === "</style><script>window.escc_hostile = 'title'</script> & \"quotes\" */ ??/ \\",
    `the title is shown as the protocol wrote it (${h1})`);
  expect(problems.length === 0, `the hostile page raises no errors (${problems.join('; ')})`);
  await page.screenshot({ path: path.join(screenshots, 'hostile.png'), fullPage: true });
  await context.close();
}

// The index links every page.
{
  const { page, context, problems } = await open('index.html');
  const links = [...new Set(await page.locator('a[href$=".html"]').evaluateAll((as) => as.map((a) => a.getAttribute('href'))))];
  expect(links.length === protocols.length, `the index links every protocol page (${links.length})`);
  expect(links.every((href) => fs.existsSync(path.join(site, href))), 'every page the index links exists');
  const result = await audit(page);
  expect(result.h1 === 1 && !result.skipped && result.lowContrast.length === 0, 'the index is accessible');
  expect(problems.length === 0, `the index raises no errors (${problems.join('; ')})`);
  await context.close();
}

await browser.close();
finish();
