// Where does pattern time go? Reads every file the scan would read (after listing, facts and the
// scan plan, as the audit does) into memory once, then times: the whole pattern pass as the scanner
// runs it (one automaton pass per file, then the regexes of the alternatives a file can match),
// the automaton pass alone, and each pattern alone over its files (automaton pass included, so
// subtract its share). Usage: npm run build && node scripts/profile-patterns.mjs TREE [TOP]
import { PILLARS } from '../dist/rules/index.js';
import { scanPlan } from '../dist/src/engine/audit.js';
import { collectFacts, factPatterns } from '../dist/src/facts/index.js';
import { compilePatterns, runPatterns } from '../dist/src/scan/patterns.js';
import { planFiles } from '../dist/src/scan/scanner.js';
import { DiskSource } from '../dist/src/walk/disk-source.js';
import { decode, FileIndex } from '../dist/src/walk/file-index.js';
import { listFiles } from '../dist/src/walk/list.js';

const [root, topArg] = process.argv.slice(2);
const { paths } = await listFiles(root);
const source = new DiskSource(root);
const files = new FileIndex(paths, source);
const plan = scanPlan(
  PILLARS.flatMap((p) => p.rules.map((r) => r.rule)),
  factPatterns(collectFacts(files), []),
);
const groups = compilePatterns(plan.patterns, { kind: 'automaton' });
const items = [];
const planned = planFiles(files.paths, groups, plan.keep, plan.digests);
planned.at.forEach((j, n) => {
  const path = files.paths[j];
  const { compiled } = planned.shapes[planned.shape[n]];
  const bytes = source.readBytes(path, files.maxFileBytes);
  const text = typeof bytes === 'string' ? null : decode(bytes);
  if (typeof text === 'string' && compiled.length) items.push([path, text, compiled]);
});
const chars = items.reduce((n, [, t]) => n + t.length, 0);
// CPU time of this process, not wall time: other work on a shared machine does not count.
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const best = (f) => {
  let ms = Number.POSITIVE_INFINITY;
  for (let k = 0; k < 3; k++) {
    const t0 = cpuMs();
    f();
    ms = Math.min(ms, cpuMs() - t0);
  }
  return ms;
};
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
