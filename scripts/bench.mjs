// npm run bench [-- --sizes 10k,100k,300k] [--tree DIR]... [--runs 5] [--cold] [--no-startup] [--shared DIR]
//
// The audit against floor (f), the yardstick of DESIGN §9: ../shared/perf/floor-f.mjs (git ls-files,
// a synchronous read of the relevant files under 1 MiB, seven regexes), a bare script with none of
// the audit's code. It lives beside the repository on every developer and CI machine and is run
// from there, not copied. Generated trees come from ../shared/perf/gen-synthetic.mjs (--seed 1:
// the same tree everywhere), under .bench/.
//
// For each tree: floor (f) and the audit (JSON to a file), each as a whole process, alternating
// run by run; the ratio per run, then the median of the runs; peak RSS from /usr/bin/time. With
// --cold the page cache is dropped before every run (root only) and the floor is the bare
// callback read (floor-f --relevant --cb), as the cold target is defined. Unless --no-startup:
// `--version`, `--help` and a 12-file repository against `node -e 0`.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : def;
};
// ../shared/perf beside the repository (a git worktree may sit one level deeper): --shared overrides.
const shared =
  opt('shared') ??
  ['../shared/perf', '../../shared/perf']
    .map((p) => resolve(root, p))
    .find((p) => existsSync(join(p, 'floor-f.mjs'))) ??
  resolve(root, '../shared/perf');
const FLOOR = join(shared, 'floor-f.mjs');
const GENERATE = join(shared, 'gen-synthetic.mjs');
const all = (name) => args.flatMap((a, i) => (a === `--${name}` ? [args[i + 1]] : []));
const runs = Number(opt('runs', '5'));
const cold = args.includes('--cold');
const sizes = opt('sizes', '10k,100k').split(',').filter(Boolean);
if (!existsSync(FLOOR)) {
  process.stderr.write(`bench: floor (f) not found at ${FLOOR} (expected beside the repository)\n`);
  process.exit(2);
}

const benchDir = join(root, '.bench');
mkdirSync(benchDir, { recursive: true });
const trees = [];
for (const s of sizes) {
  const count = Number(s.replace(/k$/i, '000'));
  const dir = join(benchDir, `synthetic-${s}`);
  if (!existsSync(dir)) {
    process.stderr.write(`generating ${dir} (${count} files)…\n`);
    execFileSync('node', [GENERATE, '--out', dir, '--files', String(count), '--seed', '1'], { stdio: 'inherit' });
  }
  trees.push({ name: `generated ${s}`, dir });
}
for (const t of all('tree')) trees.push({ name: t, dir: resolve(t) });

function dropCaches() {
  try {
    execFileSync('sh', ['-c', 'sync; echo 3 > /proc/sys/vm/drop_caches']);
    return true;
  } catch {
    return false;
  }
}

/**
 * One whole process: wall seconds, peak RSS (MiB), and CPU seconds (user + system, its children
 * such as git included) from /usr/bin/time. On a shared machine the wall time is mostly waiting
 * for a core; the CPU time says how much work was done.
 */
function timed(cmd, { allowFail = false } = {}) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M %U %S', ...cmd], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    cwd: root,
  });
  const last = r.stderr.trim().split('\n').pop() ?? '';
  const [secs, kb, user, sys] = last.split(' ').map(Number);
  if (r.status !== 0 && !(allowFail && r.status === 1))
    throw new Error(`${cmd.join(' ')} failed (${r.status}): ${r.stderr.slice(-500)}`);
  return { secs, rssMiB: kb / 1024, cpu: user + sys, stdout: r.stdout };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const show = (cmd) => cmd.map((c) => (c.startsWith(root) ? c.slice(root.length) || '.' : c)).join(' ');

const rows = [];
const canDrop = cold ? dropCaches() : false;
if (cold && !canDrop) process.stderr.write('cannot drop the page cache here (not root?): cold numbers are warm\n');
for (const t of trees) {
  const out = join(benchDir, 'audit-out.json');
  const floorCmd = ['node', FLOOR, t.dir, '--relevant', ...(cold ? ['--cb'] : ['--sync', '--regex'])];
  const auditCmd = ['node', 'bin/readiness.js', 'audit', t.dir, '--format', 'json', '--output', out];
  console.log(`\n${t.name}\n  floor: ${show(floorCmd)}\n  audit: ${show(auditCmd)}`);
  const floor = [];
  const audit = [];
  const ratios = [];
  const floorRss = [];
  const auditRss = [];
  const floorCpu = [];
  const auditCpu = [];
  const load = [];
  let info;
  // One warm-up of each, so that the first measured run is not the one that fills the cache.
  if (!cold) timed(floorCmd), timed(auditCmd, { allowFail: true });
  for (let i = 0; i < runs; i++) {
    if (cold) dropCaches();
    const f = timed(floorCmd);
    if (cold) dropCaches();
    const a = timed(auditCmd, { allowFail: true });
    info = JSON.parse(f.stdout);
    floor.push(f.secs);
    audit.push(a.secs);
    ratios.push(a.secs / f.secs);
    floorRss.push(f.rssMiB);
    auditRss.push(a.rssMiB);
    floorCpu.push(f.cpu);
    auditCpu.push(a.cpu);
    load.push(loadavg()[0]);
    console.log(
      `  run ${i + 1}: floor ${f.secs.toFixed(2)} s (CPU ${f.cpu.toFixed(2)}), audit ${a.secs.toFixed(2)} s (CPU ${a.cpu.toFixed(2)}), ratio ${(a.secs / f.secs).toFixed(2)}, load ${loadavg()[0].toFixed(1)}`,
    );
  }
  const report = JSON.parse(readFileSync(out, 'utf8'));
  const row = {
    tree: t.name,
    files: info.listed,
    auditFiles: report.stats.filesListed,
    cache: cold ? 'cold' : 'warm',
    floorSecs: median(floor),
    auditSecs: median(audit),
    ratio: Number(median(ratios).toFixed(2)),
    floorRssMiB: Math.round(Math.max(...floorRss)),
    auditRssMiB: Math.round(Math.max(...auditRss)),
    floorCpuSecs: median(floorCpu),
    auditCpuSecs: median(auditCpu),
    cpuRatio: Number((median(auditCpu) / median(floorCpu)).toFixed(2)),
    load: `${Math.min(...load).toFixed(1)}-${Math.max(...load).toFixed(1)}`,
  };
  rows.push(row);
  console.log(
    `  median: floor ${row.floorSecs.toFixed(2)} s, audit ${row.auditSecs.toFixed(2)} s, ratio ${row.ratio}; CPU ${row.floorCpuSecs.toFixed(2)} / ${row.auditCpuSecs.toFixed(2)} s (${row.cpuRatio}); peak RSS floor ${row.floorRssMiB} MiB, audit ${row.auditRssMiB} MiB; load ${row.load}`,
  );
}

// Start-up: the commands that should feel instant, against a bare node process.
const startup = [];
if (!args.includes('--no-startup') && !cold) {
  const small = join(benchDir, 'small-12');
  if (!existsSync(small)) smallRepository(small);
  const base = ['node', '-e', '0'];
  const cases = [
    ['--version', ['node', 'bin/readiness.js', '--version']],
    ['--help', ['node', 'bin/readiness.js', '--help']],
    [
      'audit of a 12-file repository',
      ['node', 'bin/readiness.js', 'audit', small, '--format', 'json', '--output', join(benchDir, 'small-out.json')],
    ],
  ];
  console.log(`\nstart-up, against ${base.join(' ')}`);
  for (const [name, cmd] of cases) {
    const ratios = [];
    const secs = [];
    const bases = [];
    const cpus = [];
    const baseCpus = [];
    timed(cmd, { allowFail: true });
    for (let i = 0; i < runs; i++) {
      const b = timed(base);
      const c = timed(cmd, { allowFail: true });
      bases.push(b.secs);
      secs.push(c.secs);
      baseCpus.push(b.cpu);
      cpus.push(c.cpu);
      ratios.push(c.secs / Math.max(b.secs, 0.01));
    }
    const row = {
      name,
      command: show(cmd),
      nodeSecs: median(bases),
      secs: median(secs),
      ratio: Number(median(ratios).toFixed(2)),
      cpu: median(cpus),
      nodeCpu: median(baseCpus),
      load: loadavg()[0].toFixed(1),
    };
    startup.push(row);
    console.log(
      `  ${name}: ${row.secs.toFixed(3)} s vs ${row.nodeSecs.toFixed(3)} s, ratio ${row.ratio}; CPU ${row.cpu.toFixed(3)} vs ${row.nodeCpu.toFixed(3)} s; load ${row.load}   (${row.command})`,
    );
  }
}

writeFileSync(join(benchDir, `results-${cold ? 'cold' : 'warm'}.json`), JSON.stringify({ rows, startup }, null, 2));
// The same numbers as Markdown tables, ready for docs/performance.md.
console.log(
  `\n| tree | files | cache | floor (f) (s) | audit (s) | ratio | CPU floor / audit (s) | CPU ratio | peak RSS floor / audit (MiB) | load |\n|---|---:|---|---:|---:|---:|---:|---:|---:|---|`,
);
for (const r of rows)
  console.log(
    `| ${r.tree} | ${r.files} | ${r.cache} | ${r.floorSecs.toFixed(2)} | ${r.auditSecs.toFixed(2)} | **${r.ratio}** | ${r.floorCpuSecs.toFixed(2)} / ${r.auditCpuSecs.toFixed(2)} | ${r.cpuRatio} | ${r.floorRssMiB} / ${r.auditRssMiB} | ${r.load} |`,
  );
if (startup.length) {
  console.log(
    '\n| command | s | `node -e 0` (s) | ratio | CPU / `node -e 0` CPU (s) | load |\n|---|---:|---:|---:|---:|---|',
  );
  for (const s of startup)
    console.log(
      `| ${s.name} | ${s.secs.toFixed(3)} | ${s.nodeSecs.toFixed(3)} | **${s.ratio}** | ${s.cpu.toFixed(3)} / ${s.nodeCpu.toFixed(3)} | ${s.load} |`,
    );
}

/** A small library as a git repository: 12 files (sources, tests, CI, README, licence, lockfile). */
function smallRepository(dir) {
  const files = {
    'package.json':
      '{"name":"tiny","version":"1.0.0","type":"module","scripts":{"test":"node --test"},"devDependencies":{"eslint":"9.0.0"}}\n',
    'package-lock.json': '{"name":"tiny","lockfileVersion":3,"packages":{}}\n',
    'README.md': '# tiny\n\nA small library.\n\n## Usage\n\n`import { f1 } from "tiny"`\n',
    LICENSE: 'MIT License\n',
    '.gitignore': 'node_modules\n',
    'src/f1.js': 'export function f1(x) {\n  return x + 1;\n}\n',
    'src/f2.js': 'export function f2(x) {\n  return x + 2;\n}\n',
    'src/f3.js': 'export function f3(x) {\n  return x + 3;\n}\n',
    'src/index.js': "export * from './f1.js';\nexport * from './f2.js';\nexport * from './f3.js';\n",
    'test/f1.test.js': "import test from 'node:test';\nimport { f1 } from '../src/f1.js';\ntest('f1', () => f1(1));\n",
    'test/f2.test.js': "import test from 'node:test';\nimport { f2 } from '../src/f2.js';\ntest('f2', () => f2(1));\n",
    '.github/workflows/ci.yml':
      'name: ci\non: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci\n      - run: npm test\n',
  };
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  const git = (...a) => execFileSync('git', a, { cwd: dir, stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', 'commit', '-qm', 'small');
}
