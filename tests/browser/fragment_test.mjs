// The page embedded in a partnership's own site (escc build --emit html-fragment): a
// host page with its own style, which names classes and ids the page uses too, links
// the fragment's style and script and holds the fragment. The fragment's "now" list
// fills in and changes as the clock moves on, the host's style does not reach into it
// nor its style out, and axe-core finds no violation in the whole page.
// Usage: node fragment_test.mjs FRAGMENT_FOLDER NODE_MODULES
import fs from 'node:fs';
import path from 'node:path';
import { checkList, launchChromium } from './harness.mjs';

const [folder, modules] = process.argv.slice(2);
const { expect, finish } = checkList();
const browser = await launchChromium(modules);
const axeSource = fs.readFileSync(path.join(modules, 'axe-core', 'axe.min.js'), 'utf8');

// The host's own landmarks, heading and style, with rules for the names escc's page uses
// unprefixed (.contact, #now-list, h2): none of them must touch the fragment.
function hostPage(fragment) {
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Professional disagreements: the partnership's site</title>
<style>
body { font-family: Georgia, serif; color: #000000; background: #ffffff; margin: 0; }
.contact { display: none; }
#now-list { display: none; }
.facts { color: #ffffff; }
h2 { text-transform: uppercase; }
.site-note { color: #222222; }
</style>
<link rel="stylesheet" href="escc-fragment.css">
<script src="escc-fragment.js" defer></script>
</head>
<body>
<header><p class="site-note">The partnership's own site</p></header>
<nav aria-label="Site"><a href="#content">Home</a></nav>
<main id="content">
<h1>Professional disagreements</h1>
<p class="site-note">Our escalation protocol follows.</p>
${fragment}
</main>
<footer><p class="site-note">The partnership's footer</p></footer>
</body>
</html>
`;
}

const fragments = fs.readdirSync(folder).filter((f) => f.endsWith('.fragment.html')).sort();
expect(fragments.length >= 5, `every protocol has its fragment (found ${fragments.length})`);

for (const name of fragments) {
  const fragment = fs.readFileSync(path.join(folder, name), 'utf8');
  expect(!/<(html|head|body|style|main)[\s>]/.test(fragment), `${name}: no document, style or main of its own`);
  const host = path.join(folder, name.replace('.fragment.html', '.host.html'));
  fs.writeFileSync(host, hostPage(fragment));
  for (const width of [375, 1280]) {
    const context = await browser.newContext({ timezoneId: 'Europe/London', locale: 'en-GB', viewport: { width, height: 800 } });
    const page = await context.newPage();
    const problems = [];
    page.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
    page.on('pageerror', (error) => problems.push(error.message));
    // Five to five on a Monday: the "now" list changes at five.
    await page.clock.install({ time: new Date('2026-12-21T16:58:00') });
    await page.goto('file://' + host);
    await page.waitForLoadState('load');
    await page.evaluate(axeSource);
    // Without axe-core's preload, which would fetch the linked style sheet again, and a
    // page from file:// may not fetch.
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'], preload: false }));
    const violations = result.violations.map((v) => `${v.id} (${v.nodes.length}: ${v.nodes[0].target.join(' ')})`);
    expect(violations.length === 0, `${name} in a host page at ${width} px: no axe-core violations (${violations.join('; ')})`);
    const status = await page.locator('#escc-now-status').textContent();
    expect(/^Monday 21 December 2026, .* UK time: /.test(status), `${name}: the fragment's script says who can be reached now (${status})`);
    expect(await page.locator('.escc-contact').first().isVisible(), `${name}: the host's ".contact { display: none }" does not hide the fragment's contacts`);
    const hostNote = await page.locator('.site-note').first().evaluate((e) => getComputedStyle(e).fontFamily);
    expect(/Georgia/.test(hostNote), `${name}: the fragment's style does not reach the host's text (${hostNote})`);
    const hostH1 = await page.locator('body > main > h1').evaluate((e) => getComputedStyle(e).fontSize);
    expect(hostH1 === '32px', `${name}: the host's own heading keeps the browser's size (${hostH1})`);
    if (name === 'barnet.fragment.html') {
      const before = await page.locator('#escc-now-list .escc-now-contact').count();
      expect(before > 0, `${name}: the "now" list fills in (${before} contacts)`);
      await page.clock.runFor(3 * 60_000);
      const after = await page.locator('#escc-now-list .escc-now-contact').count();
      expect(after !== before, `${name}: at 5pm the "now" list changes (${before} to ${after} contacts)`);
      await page.locator('#escc-filter').fill('police');
      const count = await page.locator('#escc-filter-count').textContent();
      expect(/contacts shown/.test(count), `${name}: the filter works in the host page (${count})`);
    }
    expect(problems.length === 0, `${name} at ${width} px: no script errors (${problems.join('; ')})`);
    await context.close();
  }
}

await browser.close();
finish();
