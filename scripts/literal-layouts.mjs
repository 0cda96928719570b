// The literal automaton of this build against another build's (e.g. main's, cloned aside): the same
// answers (`scan`'s found and first ends for every literal, on every text the audit's scan reads in
// TREE), and the CPU of the bare scans, alternated, optionally with EVICT KiB of memory written
// between files (as the audit's reads, digests and collector do) to see the table fall out of the cache.
//
// Usage: npm run build && node scripts/literal-layouts.mjs TREE OTHER_CHECKOUT [--evict KiB] [--rounds N]
import { cpuMs, scanTexts } from './lib/scan-texts.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i === -1 ? fallback : args[i + 1];
};
const [root, other] = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--')));
if (!root || !other) {
  console.error('usage: node scripts/literal-layouts.mjs TREE OTHER_CHECKOUT [--evict KiB] [--rounds N]');
  process.exit(2);
}
const { groups, items } = await scanTexts(root);
const mine = groups.flatMap((g) => g.patterns).find((c) => c.literalSet).literalSet;
// The other build's set over the same literals, in the same order (the same ids).
const { LiteralSet: Theirs } = await import(`${other}/dist/src/scan/literals.js`);
const theirs = new Theirs();
for (const l of mine.tables().lits) theirs.add(l.text, l.ignoreCase);
theirs.build();
const size = (s) => s.tables().table.length * 4;
console.log(
  `${items.length} texts; table ${(size(mine) / 1024).toFixed(0)} KiB here, ${(size(theirs) / 1024).toFixed(0)} KiB there`,
);
let differ = 0;
for (const [, text] of items) {
  const a = [...mine.scan(text)];
  const af = a.map((_, id) => (a[id] ? mine.firstAt(id) : -1));
  const b = [...theirs.scan(text)];
  const bf = b.map((_, id) => (b[id] ? theirs.firstAt(id) : -1));
  if (a.join() !== b.join() || af.join() !== bf.join()) differ++;
}
console.log(`texts whose answers differ: ${differ}`);
const evict = new Uint8Array(Number(opt('--evict', 0)) * 1024);
let sink = 0;
const run = (set) => {
  const t0 = cpuMs();
  for (const [, text] of items) {
    set.scan(text);
    for (let i = 0; i < evict.length; i += 64) sink += evict[i]++;
  }
  return cpuMs() - t0;
};
const rounds = Number(opt('--rounds', 5));
const here = [];
const there = [];
for (let r = 0; r < rounds; r++) {
  if (r % 2) here.push(run(mine)), there.push(run(theirs));
  else there.push(run(theirs)), here.push(run(mine));
}
const med = (xs) => [...xs].sort((x, y) => x - y)[xs.length >> 1];
console.log(
  `CPU ms, median of ${rounds}: here ${med(here).toFixed(0)} (${here.map(Math.round)}), there ${med(there).toFixed(0)} (${there.map(Math.round)})${sink ? '' : ''}`,
);
