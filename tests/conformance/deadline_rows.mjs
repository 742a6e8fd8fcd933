// The deadline conformance rows of `escc deadlines --format json`: one file a protocol,
// start date and kind of case, named STEM_START_KIND.json. Prints the rows
// runtime_deadlines.cpp prints, in the same order.
// Usage: node deadline_rows.mjs FOLDER STEM... -- START...
import fs from 'node:fs';
import path from 'node:path';

const [folder, ...rest] = process.argv.slice(2);
const split = rest.indexOf('--');
const stems = rest.slice(0, split);
const starts = rest.slice(split + 1);
for (const start of starts) {
  for (const stem of stems) {
    for (const kind of ['any', 'open', 'new']) {
      const deadlines = JSON.parse(fs.readFileSync(path.join(folder, `${stem}_${start}_${kind}.json`), 'utf8'));
      for (const stage of deadlines.stages) {
        const contacts = stage.contacts.filter((c) => c.reachable)
          .map((c) => (c.agency === null ? '' : `${c.agency}: `) + c.title).join('; ');
        console.log([stem, start, kind, stage.stage, stage.due ?? '-', stage.rule.words, contacts].join('\t'));
      }
    }
  }
}
