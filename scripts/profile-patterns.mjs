// Where does scan time go? Reads every candidate file of TREE into memory once, then times each
// pattern alone over the files its globs select (literal pre-filter + regex, as the scanner runs
// it). Prints the slowest patterns. Usage: npm run build && node scripts/profile-patterns.mjs TREE [TOP]
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PILLARS } from '../dist/rules/index.js';
import { scanPlan } from '../dist/src/engine/audit.js';
import { compilePatterns, runPatterns } from '../dist/src/scan/scanner.js';

const [root, topArg] = process.argv.slice(2);
const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
  cwd: root,
  maxBuffer: 1 << 30,
}).toString();
const paths = out.split('\0').filter(Boolean);
const { patterns } = scanPlan(PILLARS.flatMap((p) => p.rules.map((r) => r.rule)));
const texts = new Map();
for (const p of paths) {
  try {
    const buf = readFileSync(join(root, p));
    if (buf.length <= 1 << 20 && !buf.includes(0)) texts.set(p, buf.toString('utf8'));
  } catch {}
}
const groups = compilePatterns(patterns);
const perFile = [...texts.keys()].map((p) => [p, groups.flatMap((g) => (g.test(p) ? g.patterns : []))]);
// The whole scan as the scanner runs it (shared literal pass + regexes), best of 3.
let best = Infinity;
for (let k = 0; k < 3; k++) {
  const matches = new Map(patterns.map((p) => [p.key, []]));
  const t0 = performance.now();
  for (const [p, cs] of perFile) runPatterns(p, texts.get(p), cs, matches, new Map());
  best = Math.min(best, performance.now() - t0);
}
let bytes = 0;
for (const t of texts.values()) bytes += t.length;
console.log(
  `files ${paths.length}, readable ${texts.size} (${(bytes / 2 ** 20).toFixed(1)} MiB), patterns ${patterns.length}: runPatterns over all ${Math.round(best)} ms`,
);
// Per pattern: the regex alone on the files where its literals are present.
const rows = [];
let set;
const found = new Map();
for (const g of groups) for (const c of g.patterns) if (c.literalSet) set = c.literalSet;
const t1 = performance.now();
if (set) for (const [p] of perFile) found.set(p, set.scan(texts.get(p)));
console.log(`literal automaton pass: ${Math.round(performance.now() - t1)} ms`);
for (const g of groups) {
  const files = perFile.filter(([p]) => g.test(p)).map(([p]) => p);
  for (const c of g.patterns) {
    let ran = 0,
      n = 0;
    const t0 = performance.now();
    for (const p of files) {
      const text = texts.get(p);
      if (c.literalIds && !c.literalIds.some((id) => set.present(found.get(p), id, text, () => text.toLowerCase())))
        continue;
      ran++;
      c.regex.lastIndex = c.endOnly ? text.length : 0;
      let m,
        k = 0;
      while (k < c.maxPerFile && (m = c.regex.exec(text)) !== null) {
        if (m[0].length === 0) c.regex.lastIndex++;
        k++;
        n++;
      }
    }
    rows.push({
      key: c.key,
      ms: Math.round(performance.now() - t0),
      files: files.length,
      regexRan: ran,
      matches: n,
      literals: c.literals ? c.literals.length : 0,
      regex: String(c.regex).slice(0, 90),
    });
  }
}
rows.sort((a, b) => b.ms - a.ms);
for (const r of rows.slice(0, Number(topArg ?? 40)))
  console.log(
    `${String(r.ms).padStart(6)} ms  ${r.key.padEnd(50)} files ${String(r.files).padStart(6)} ran ${String(r.regexRan).padStart(6)} m ${String(r.matches).padStart(5)} lit ${r.literals}  ${r.regex}`,
  );
