// The deadline conformance rows asked of the page, in Debian's Chromium: each stage's
// deadline rule as the page shows it, against `escc deadlines --format json`'s.
// Usage: node page_deadlines.mjs PAGES_FOLDER JSON_FOLDER START NODE_MODULES_FOLDER STEM...
import fs from 'node:fs';
import path from 'node:path';

import { launchChromium } from '../browser/harness.mjs';

const [pages, jsons, start, modules, ...stems] = process.argv.slice(2);
const browser = await launchChromium(modules);
const tab = await (await browser.newContext({ locale: 'en-GB' })).newPage();
let checked = 0;
let failed = 0;
for (const stem of stems) {
  const deadlines = JSON.parse(fs.readFileSync(path.join(jsons, `${stem}_${start}_any.json`), 'utf8'));
  await tab.goto('file://' + path.resolve(pages, `${stem}.html`));
  const shown = await tab.$$eval('section.stage', (sections) => sections.map((section) => {
    const terms = [...section.querySelectorAll('dl.facts > dt')];
    const term = terms.find((dt) => dt.textContent === 'Deadline');
    return { heading: section.querySelector('h3').textContent, deadline: term ? term.nextElementSibling.textContent : null };
  }));
  for (const stage of deadlines.stages) {
    checked += 1;
    const words = stage.rule.words.charAt(0).toUpperCase() + stage.rule.words.slice(1);
    const section = shown.find((s) => s.heading === stage.heading);
    if (!section) {
      console.log(`FAIL ${stem}: no section '${stage.heading}' on the page`);
      failed += 1;
    } else if (section.deadline !== words) {
      console.log(`FAIL ${stem} ${stage.stage}: the page says "${section.deadline}", escc deadlines "${words}"`);
      failed += 1;
    }
  }
}
await browser.close();
console.log(`checked ${checked} stages`);
process.exit(failed === 0 && checked > 0 ? 0 : 1);
