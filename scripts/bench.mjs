// npm run bench [-- --sizes 10k,100k,300k] [--tree DIR] [--runs 5] [--cold]   (--sizes "" with --tree: only that tree)
// For each tree: the floor (scripts/floor.mjs) and the full audit (JSON to a file), each as a
// whole process, alternating run by run; the ratio per run, median of the runs; peak RSS from
// /usr/bin/time. With --cold, the page cache is dropped before every run (needs root).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generateTree } from './gen-tree.mjs';

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : def;
};
const runs = Number(opt('runs', '5'));
const cold = args.includes('--cold');
const sizes = opt('sizes', '10k,100k').split(',').filter(Boolean);
const trees = [];
const benchDir = resolve('.bench');
mkdirSync(benchDir, { recursive: true });
for (const s of sizes) {
  const count = Number(s.replace(/k$/i, '000'));
  const dir = join(benchDir, `tree-${s}`);
  if (!existsSync(dir)) {
    process.stderr.write(`generating ${dir} (${count} files)…\n`);
    generateTree(dir, count);
  }
  trees.push({ name: `generated ${s}`, dir });
}
if (opt('tree')) trees.push({ name: opt('tree'), dir: resolve(opt('tree')) });

function dropCaches() {
  try {
    execFileSync('sh', ['-c', 'sync; echo 3 > /proc/sys/vm/drop_caches']);
    return true;
  } catch {
    return false;
  }
}

function timed(cmd) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', ...cmd], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const last = r.stderr.trim().split('\n').pop() ?? '';
  const [secs, kb] = last.split(' ').map(Number);
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd.join(' ')} failed: ${r.stderr.slice(-500)}`);
  return { secs, rssMiB: kb / 1024, stdout: r.stdout };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const rows = [];
const canDrop = cold ? dropCaches() : false;
if (cold && !canDrop) process.stderr.write('cannot drop the page cache here (not root?): cold numbers are warm\n');
for (const t of trees) {
  const out = join(benchDir, 'audit-out.json');
  const floor = [],
    audit = [],
    ratios = [],
    floorRss = [],
    auditRss = [];
  let info;
  // One warm-up of each so the first measured run is not the one that fills the cache.
  if (!cold) {
    timed(['node', 'scripts/floor.mjs', t.dir]);
    timed(['node', 'bin/readiness.js', 'audit', t.dir, '--output', out]);
  }
  for (let i = 0; i < runs; i++) {
    if (cold) dropCaches();
    const f = timed(['node', 'scripts/floor.mjs', t.dir]);
    if (cold) dropCaches();
    const a = timed(['node', 'bin/readiness.js', 'audit', t.dir, '--output', out]);
    info = JSON.parse(f.stdout);
    floor.push(f.secs);
    audit.push(a.secs);
    ratios.push(a.secs / f.secs);
    floorRss.push(f.rssMiB);
    auditRss.push(a.rssMiB);
  }
  const report = JSON.parse(readFileSync(out, 'utf8'));
  const row = {
    tree: t.name,
    files: info.files,
    candidates: info.candidates,
    cache: cold ? 'cold' : 'warm',
    floorSecs: median(floor),
    auditSecs: median(audit),
    ratio: Number(median(ratios).toFixed(2)),
    floorRssMiB: Math.round(Math.max(...floorRss)),
    auditRssMiB: Math.round(Math.max(...auditRss)),
    msPerFile: Number(((median(audit) * 1000) / info.files).toFixed(3)),
    auditFilesRead: report.stats.filesRead,
  };
  rows.push(row);
  console.log(
    `${row.tree.padEnd(22)} files ${String(row.files).padStart(7)}  ${row.cache}  floor ${row.floorSecs.toFixed(2)}s  audit ${row.auditSecs.toFixed(2)}s  ratio ${row.ratio}  RSS floor ${row.floorRssMiB} MiB audit ${row.auditRssMiB} MiB  ${row.msPerFile} ms/file`,
  );
}
writeFileSync(join(benchDir, `results-${cold ? 'cold' : 'warm'}.json`), JSON.stringify(rows, null, 2));
// The same rows as a Markdown table, ready for docs/performance.md.
console.log(
  '\n| tree | files | cache | floor (s) | audit (s) | ratio | RSS floor / audit (MiB) | audit ms/file |\n|---|---:|---|---:|---:|---:|---:|---:|',
);
for (const r of rows)
  console.log(
    `| ${r.tree} | ${r.files} | ${r.cache} | ${r.floorSecs.toFixed(2)} | ${r.auditSecs.toFixed(2)} | ${r.ratio} | ${r.floorRssMiB} / ${r.auditRssMiB} | ${r.msPerFile} |`,
  );
