// Where does pattern time go? Reads every file the scan would read (after listing, facts and the
// scan plan, as the audit does) into memory once, then times: the whole pattern pass as the scanner
// runs it (one automaton pass per file, then the regexes of the alternatives a file can match),
// the automaton pass alone, and each pattern alone over its files (automaton pass included, so
// subtract its share). Usage: npm run build && node scripts/profile-patterns.mjs TREE [TOP]
import { runPatterns } from '../dist/src/scan/patterns.js';
import { best, cpuMs, scanTexts } from './lib/scan-texts.mjs';

const [root, topArg] = process.argv.slice(2);
const { groups, items } = await scanTexts(root);
const chars = items.reduce((n, [, t]) => n + t.length, 0);
const all = best(() => {
  const m = new Map();
  for (const [p, t, c] of items) runPatterns(p, t, c, m);
});
const set = groups.flatMap((g) => g.patterns).find((c) => c.literalSet)?.literalSet;
const automaton = set ? best(() => items.forEach(([, t]) => set.scan(t))) : 0;
console.log(`${items.length} files, ${(chars / 1e6).toFixed(1)} M characters`);
console.log(`all patterns: ${all.toFixed(0)} ms (best of 3), of which the automaton pass ${automaton.toFixed(0)} ms`);
const byKey = new Map();
for (const [p, t, cs] of items)
  for (const c of cs) {
    if (!byKey.has(c.key)) byKey.set(c.key, []);
    byKey.get(c.key).push([p, t, c]);
  }
const per = [...byKey].map(([key, list]) => {
  const m = new Map();
  const t0 = cpuMs();
  for (const [p, t, c] of list) runPatterns(p, t, [c], m);
  return [key, cpuMs() - t0, list.length, (m.get(key) ?? []).length];
});
console.log('alone (ms, automaton pass included) / files / matches');
for (const [k, ms, n, hits] of per.sort((a, b) => b[1] - a[1]).slice(0, Number(topArg || 25)))
  console.log(`${ms.toFixed(0).padStart(7)}  ${String(n).padStart(7)}  ${String(hits).padStart(6)}  ${k}`);
