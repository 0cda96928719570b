// The read floor (DESIGN §9): list with git (through the audit's own listFiles, so the same
// skipped folders — node_modules, fixtures, vendored — are out of both), read every candidate file once with the callback
// API (64 in flight), run the same patterns once (chosen per file by the scanner's own planFiles) — and nothing else. The audit is measured
// against this. Usage: node scripts/floor.mjs TREE
import { readFile } from 'node:fs';
import { join } from 'node:path';
import { PILLARS } from '../dist/rules/index.js';
import { scanPlan } from '../dist/src/engine/audit.js';
import { compilePatterns, planFiles, runPatterns } from '../dist/src/scan/scanner.js';
import { listFiles } from '../dist/src/walk/list.js';

const root = process.argv[2];
const { paths } = await listFiles(root, {});
const { patterns, keep, digests } = scanPlan(PILLARS.flatMap((p) => p.rules.map((r) => r.rule)));
const groups = compilePatterns(patterns);
const matches = new Map(patterns.map((p) => [p.key, []]));
const searched = new Map();
const work = planFiles(paths, groups, keep, digests).map((w) => [w.path, w.compiled]);
let next = 0,
  active = 0,
  bytes = 0;
await new Promise((resolve) => {
  const pump = () => {
    if (next >= work.length && active === 0) return resolve();
    while (active < 64 && next < work.length) {
      const [p, compiled] = work[next++];
      active++;
      readFile(join(root, p), (err, buf) => {
        active--;
        if (!err && buf.length <= 1 << 20 && !buf.includes(0)) {
          bytes += buf.length;
          runPatterns(p, buf.toString('utf8'), compiled, matches, searched);
        }
        pump();
      });
    }
  };
  pump();
});
let total = 0;
for (const m of matches.values()) total += m.length;
console.log(JSON.stringify({ files: paths.length, candidates: work.length, bytes, matches: total }));
