// The pages as a partnership publishes them, read on a phone and a desktop: axe-core
// finds no violation at 320, 375 and 1280 px; nothing scrolls sideways at 320 px; the
// chart's words are at least 12 CSS px at 375 px; "who to contact now" starts with the
// protocol's own immediate-risk rule, gives numbers a thumb can hit, changes only when
// its answer does, and keeps the reader's focus when it changes.
// Usage: node publishing_test.mjs SITE_FOLDER NODE_MODULES_FOLDER
import fs from 'node:fs';
import path from 'node:path';

import { checkList, launchChromium } from './harness.mjs';

const [site, modules] = process.argv.slice(2);
const { expect, finish } = checkList();
const browser = await launchChromium(modules);
const axeSource = fs.readFileSync(path.join(modules, 'axe-core', 'axe.min.js'), 'utf8');
const widths = [320, 375, 1280];

async function open(name, width, { install } = {}) {
  const context = await browser.newContext({ timezoneId: 'Europe/London', locale: 'en-GB', viewport: { width, height: 800 } });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
  page.on('pageerror', (error) => problems.push(error.message));
  // The clock is the test's: fixed at a Monday morning, or installed so it can be moved on.
  if (install) await page.clock.install({ time: new Date(install) });
  else await page.clock.setFixedTime(new Date('2026-11-23T10:00:00'));
  await page.goto('file://' + path.resolve(site, name));
  return { page, context, problems };
}

const pages = fs.readdirSync(site).filter((f) => f.endsWith('.html')).sort();
expect(pages.length >= 7, `the site has its index and every protocol's page (found ${pages.length})`);

for (const name of pages) {
  for (const width of widths) {
    const { page, context, problems } = await open(name, width);
    // axe-core is run by the test's driver, outside the page's own script policy.
    await page.evaluate(axeSource);
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    const violations = result.violations.map((v) => `${v.id} (${v.nodes.length}: ${v.nodes[0].target.join(' ')})`);
    expect(violations.length === 0, `${name} at ${width} px: no axe-core violations (${violations.join('; ')})`);
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (width === 320) expect(sideways <= 0, `${name} at 320 px: no horizontal scrolling (${sideways} px too wide)`);
    if (width <= 375 && name !== 'index.html') {
      // On a phone the numbered stages come before the chart.
      const listFirst = await page.evaluate(() => {
        const list = document.querySelector('#chart .outline').getBoundingClientRect();
        const chart = document.querySelector('#chart figure');
        return !chart || list.top < chart.getBoundingClientRect().top;
      });
      expect(listFirst, `${name} at ${width} px: the numbered stages lead, the chart follows`);
    }
    if (width === 375 && name !== 'index.html') {
      // The size each word of the chart is drawn at on the screen, in CSS px.
      const sizes = await page.evaluate(() => [...document.querySelectorAll('#chart svg text')].map((text) => {
        const matrix = text.getScreenCTM();
        return Number(getComputedStyle(text).fontSize.replace('px', '')) * Math.hypot(matrix.a, matrix.b);
      }));
      const smallest = Math.min(...sizes);
      expect(sizes.length === 0 || smallest >= 12, `${name} at 375 px: chart text at least 12 px (smallest ${smallest.toFixed(1)} px)`);
      if (sizes.length > 0) {
        const scrolls = await page.evaluate(() => {
          const area = document.querySelector('.chart-area');
          return area.scrollWidth > area.clientWidth && getComputedStyle(area).overflowX === 'auto';
        });
        expect(scrolls, `${name} at 375 px: the chart scrolls in its own area`);
      }
    }
    expect(problems.length === 0, `${name} at ${width} px: no console errors (${problems.join('; ')})`);
    await context.close();
  }
}

// "Who to contact now" on a phone.
for (const name of pages.filter((f) => f !== 'index.html')) {
  const { page, context } = await open(name, 375);
  const order = await page.evaluate(() => [...document.querySelector('#now').children].map((e) => e.id || e.className));
  const hasRule = fs.readFileSync(path.join(site, name.replace(/\.html$/, '.json')), 'utf8').includes('"immediate_risk"');
  if (await page.locator('#immediate-risk').count() > 0) {
    expect(order[1] === 'risk-rule', `${name}: the immediate-risk rule comes first in "who to contact now" (${order.join(', ')})`);
    const quoted = await page.locator('#now .risk-rule blockquote').allTextContents();
    const inFull = await page.locator('#immediate-risk blockquote.source').allTextContents();
    expect(quoted.every((q) => inFull.includes(q)) && (inFull.length === 0) === (quoted.length === 0),
      `${name}: the rule is in the protocol's own words (${quoted.length} quotes)`);
  } else {
    expect(!order.includes('risk-rule'), `${name}: no immediate-risk rule is shown where the protocol has none (${hasRule})`);
  }
  expect(!order.includes('publisher-advice'), `${name}: no emergency advice unless the publisher gives some`);
  const live = await page.evaluate(() => [...document.querySelectorAll('[aria-live]')].map((e) => e.id));
  expect(!live.includes('now-status'), `${name}: the status line with the time is not re-announced`);
  const small = await page.evaluate(() => [...document.querySelectorAll('#now-list a[href^="tel:"]')]
    .map((a) => a.getBoundingClientRect()).filter((r) => r.width < 44 || r.height < 44).length);
  expect(small === 0, `${name}: every number in "who to contact now" is at least 44 by 44 px (${small} smaller)`);
  await context.close();
}

// Barnet on a Monday: grouped by agency and line, a plain line where no number is
// given, and an update at 5pm that leaves the reader's focus where it was.
{
  const { page, context, problems } = await open('barnet.html', 375, { install: '2026-12-21T16:58:00' });
  const agencies = await page.locator('#now-list .now-agency > h3').allTextContents();
  expect(agencies.length > 1 && new Set(agencies).size === agencies.length, `the "now" list is grouped by agency (${agencies.join('; ')})`);
  expect(await page.locator('#now-list .now-line > h4').count() >= agencies.length, 'and within each agency by line');
  const noNumber = await page.locator('#now-list .no-number').count();
  const withoutPhones = await page.evaluate(() => [...document.querySelectorAll('#now-list .now-contact')]
    .filter((li) => !li.querySelector('a[href^="tel:"]') && !/Phone|Mobile|Direct line|Switchboard/.test(li.textContent)).length);
  expect(noNumber === withoutPhones, `each contact without a number says so (${noNumber} of ${withoutPhones})`);
  const before = await page.locator('#now-list .now-contact').count();
  const status = await page.locator('#now-status').textContent();
  expect(/^Monday 21 December 2026, 9am to 5pm UK time: \d+ contacts can be reached\.$/.test(status),
    `the status line writes times as the page does (${status})`);
  const changes = await page.evaluate(() => {
    window.nowChanges = 0;
    new MutationObserver((records) => { window.nowChanges += records.length; })
      .observe(document.getElementById('now'), { subtree: true, childList: true, characterData: true });
    return window.nowChanges;
  });
  await page.clock.runFor(60_000);
  const quiet = await page.evaluate(() => window.nowChanges);
  expect(changes === 0 && quiet === 0, `a minute in which nothing changes changes nothing on the page (${quiet} changes)`);
  await page.clock.runFor(2 * 60_000);
  const after = await page.locator('#now-list .now-contact').count();
  expect(after !== before, `at 5pm the "now" list changes (${before} to ${after} contacts)`);
  const announced = await page.locator('#now-change').textContent();
  expect(/changed/.test(announced), `the change is announced once, in its own live region (${announced})`);
  const evening = await page.locator('#now-status').textContent();
  expect(/Monday 21 December 2026, 5pm to 9pm UK time/.test(evening), `the status line follows (${evening})`);
  expect(problems.length === 0, `no console errors (${problems.join('; ')})`);
  await context.close();
}

// Focus across an update, on the test protocol whose Chair can be reached at any time
// by a link: the reader is on it at 4:58pm when others come and go at 5pm.
{
  const { page, context, problems } = await open('hostile.html', 375, { install: '2026-12-21T16:58:00' });
  const link = page.locator('#now-list .now-contact', { hasText: 'Chair' }).locator('a').first();
  await link.focus();
  await page.evaluate(() => document.activeElement.setAttribute('data-focused', 'yes'));
  const before = await page.locator('#now-list .now-contact').allTextContents();
  await page.clock.runFor(3 * 60_000);
  const after = await page.locator('#now-list .now-contact').allTextContents();
  expect(before.join() !== after.join(), 'at 5pm the test protocol\'s "now" list changes');
  const focused = await page.evaluate(() => document.activeElement.getAttribute('data-focused'));
  expect(focused === 'yes', 'the reader\'s focus stays on the link they were on');
  expect(problems.length === 0, `no console errors (${problems.join('; ')})`);
  await context.close();
}

await browser.close();
finish();
