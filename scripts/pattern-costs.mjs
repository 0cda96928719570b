// The pattern pass's CPU by pattern: for each pattern (its key), the files whose globs hand them to
// it, the files its literal pre-filter lets through to the regex, the time of its regex on those,
// the time of its pre-filter on all of them, and the matches found. Reads every file the audit's
// scan would read (scripts/lib/scan-texts.mjs) once into memory, then runs the pass several times in
// one process: the first pass is cold (regexes compiled, code not yet optimised), the later ones
// warm; the table shows both. Each file's automaton pass runs once per file and pass (its time is
// its own line), and each pattern is timed alone on it with runPatterns, as the scanner runs it.
// Times are CPU (user + system, process.cpuUsage, less the cost of reading it), so a busy machine
// does not inflate them: the regex's per pattern on the files handed to it, the automaton's and the
// pre-filters' per file (in all, not per pattern: reading the clock costs more than most checks).
//
// Usage: npm run build && node scripts/pattern-costs.mjs TREE [--passes N] [--top N] [--json FILE]
import { writeFileSync } from 'node:fs';
import { runPatterns } from '../dist/src/scan/patterns.js';
import { cpuMs, scanTexts, treeArgs } from './lib/scan-texts.mjs';

const { opt, root } = treeArgs('node scripts/pattern-costs.mjs TREE [--passes N] [--top N] [--json FILE]');
const passes = Math.max(2, Number(opt('--passes', 4)));
const top = Number(opt('--top', 20));

const { groups, items } = await scanTexts(root);
const set = groups.flatMap((g) => g.patterns).find((c) => c.literalSet)?.literalSet;

// One automaton pass per file, shared by every pattern of that file (as runPatterns does within one
// call): the patterns are timed one at a time, each reading the file's answers from this pass.
let scanned;
let lastText;
if (set) {
  const scan = set.scan.bind(set);
  set.scan = (text) => (text === lastText ? scanned : ((lastText = text), (scanned = scan(text))));
}

/** Whether the pre-filter hands `text` to `c`'s regex: its literals, then some alternative's needs. */
function handed(c, text, found, lowered) {
  const any = (ids) => ids.some((id) => found[id] !== 0 && c.literalSet.present(found, id, text, lowered));
  if (c.literalIds && !any(c.literalIds)) return false;
  if (!c.literalIds && c.literals) {
    const hay = c.lowerLiterals ? lowered() : text;
    if (!c.literals.some((l) => hay.includes(l))) return false;
  }
  if (c.alts && !c.alts.some((a) => a.needs.every(any))) return false;
  return true;
}

// What reading the clock twice costs, taken off every reading (the median of many).
const clockCost = (() => {
  const xs = [];
  for (let i = 0; i < 2001; i++) {
    const t0 = cpuMs();
    xs.push(cpuMs() - t0);
  }
  return xs.sort((a, b) => a - b)[1000];
})();
const since = (t0) => Math.max(0, cpuMs() - t0 - clockCost);
const stats = new Map();
const stat = (key) => {
  let s = stats.get(key);
  if (!s) {
    s = { key, files: 0, handed: 0, hitFiles: 0, matches: 0, regex: [] };
    stats.set(key, s);
  }
  return s;
};
const automaton = [];
const filters = [];
const totals = [];
for (let pass = 0; pass < passes; pass++) {
  const cpu0 = cpuMs();
  let auto = 0;
  let filter = 0;
  for (const s of stats.values()) s.regex[pass] = 0;
  for (const [path, text, compiled] of items) {
    lastText = undefined;
    const a0 = cpuMs();
    const found = set ? set.scan(text) : undefined;
    auto += since(a0);
    let lower;
    const lowered = () => (lower ??= text.toLowerCase());
    // The pre-filters' answers first (their `present` calls confirm hits in the shared answers).
    const f0 = cpuMs();
    const yes = compiled.map((c) => handed(c, text, found, lowered));
    filter += since(f0);
    compiled.forEach((c, i) => {
      const s = stat(c.key);
      s.regex[pass] ??= 0;
      const m = new Map();
      if (yes[i]) {
        const r0 = cpuMs();
        runPatterns(path, text, [c], m);
        s.regex[pass] += since(r0);
      }
      if (pass === 0) {
        s.files++;
        if (yes[i]) s.handed++;
        const n = m.get(c.key)?.length ?? 0;
        if (n > 0) s.hitFiles++;
        s.matches += n;
      }
    });
  }
  automaton.push(auto);
  filters.push(filter);
  totals.push(cpuMs() - cpu0);
}

// Check: the pattern-by-pattern pass finds what the scanner's pass finds.
const whole = new Map();
for (const [p, t, c] of items) runPatterns(p, t, c, whole);
for (const s of stats.values()) {
  const n = whole.get(s.key)?.length ?? 0;
  if (n !== s.matches) console.error(`warning: ${s.key} found ${s.matches} alone, ${n} in the whole pass`);
}

const median = (xs) => {
  const a = [...xs].sort((x, y) => x - y);
  return a.length % 2 ? a[(a.length - 1) / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
};
const rows = [...stats.values()].map((s) => ({ ...s, cold: s.regex[0], warm: median(s.regex.slice(1)) }));
const chars = items.reduce((n, [, t]) => n + t.length, 0);
const sum = (f) => rows.reduce((n, r) => n + f(r), 0);
console.log(
  `${items.length} files, ${(chars / 1e6).toFixed(1)} M characters, ${rows.length} patterns, ${passes} passes`,
);
const ms = (xs) => xs.map((t) => t.toFixed(0)).join(' ');
console.log(`CPU ms per pass (with the clock readings): ${ms(totals)}`);
console.log(
  `  automaton ${ms(automaton)}; pre-filters ${ms(filters)}; regexes ${ms(totals.map((_, p) => sum((r) => r.regex[p])))}`,
);
console.log('');
console.log(
  '| pattern | files | handed to regex | files with a match | matches | regex CPU ms, cold (pass 1) | warm (median of the rest) |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const r of rows.sort((a, b) => b.cold + b.warm - (a.cold + a.warm)).slice(0, top))
  console.log(
    `| ${r.key} | ${r.files} | ${r.handed} | ${r.hitFiles} | ${r.matches} | ${r.cold.toFixed(1)} | ${r.warm.toFixed(1)} |`,
  );
const json = opt('--json');
if (json) writeFileSync(json, JSON.stringify({ clockCost, passes: totals, automaton, filters, rows }, null, 1));
