#!/usr/bin/env node
// Aggregate at scale: writes N JSON Reports (variants of real ones audited from the fixtures) and
// times `readiness aggregate` over them, with peak RSS. Target (issue "From one repository to a whole
// organisation"): 10,000 Reports in under 10 s and under 500 MiB.
//   node scripts/bench-aggregate.mjs [--reports 10000] [--runs 3] [--dir /tmp/readiness-agg-bench]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : def;
};
const N = Number(arg('reports', '10000'));
const RUNS = Number(arg('runs', '3'));
const dir = arg('dir', '/tmp/readiness-agg-bench');
const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'readiness.js');

// A deterministic pseudo-random sequence (same reports on every machine).
let seed = 1;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;

const bases = ['node-service', 'python-fastapi', 'monorepo', 'bare-library', 'infra-only', 'reports-go-service'].map(
  (f) =>
    JSON.parse(
      execFileSync('node', [bin, 'audit', join(root, 'fixtures', f), '--format', 'json'], {
        encoding: 'utf8',
        maxBuffer: 64 << 20,
      }),
    ),
);
if (!existsSync(join(dir, `r${N - 1}.json`)) || readdirSync(dir).length !== N) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const outcomes = ['pass', 'partial', 'fail', 'not-applicable'];
  for (let i = 0; i < N; i++) {
    const r = structuredClone(bases[i % bases.length]);
    r.repository.name = `repo-${String(i).padStart(5, '0')}`;
    r.repository.remote = `https://github.com/acme/repo-${i}`;
    for (const p of r.pillars)
      for (const rule of p.rules) if (rand() < 0.2) rule.outcome = outcomes[Math.floor(rand() * 4)];
    r.summary.score = Math.floor(rand() * 100);
    writeFileSync(join(dir, `r${i}.json`), JSON.stringify(r, null, 2));
  }
  const teams = Array.from({ length: 40 }, (_, t) => `team-${t}`);
  const inv = [
    'repositories:',
    ...Array.from(
      { length: N },
      (_, i) => `  repo-${String(i).padStart(5, '0')}: {team: ${teams[i % 40]}, tier: ${1 + (i % 3)}}`,
    ),
  ];
  writeFileSync(`${dir}.inventory.yml`, `${inv.join('\n')}\n`);
}
const times = [];
const rss = [];
for (let k = 0; k < RUNS; k++) {
  const t = performance.now();
  const r = spawnSync(
    '/usr/bin/time',
    [
      '-f',
      '%M',
      'node',
      bin,
      'aggregate',
      dir,
      '--inventory',
      `${dir}.inventory.yml`,
      '--snapshot',
      'bench',
      '--format',
      'json',
      '-o',
      `${dir}.out.json`,
    ],
    { encoding: 'utf8' },
  );
  times.push((performance.now() - t) / 1000);
  if (r.status !== 0) throw new Error(r.stderr);
  rss.push(Number(r.stderr.trim().split('\n').at(-1)) / 1024);
}
const med = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
console.log(
  `aggregate of ${N} reports: median ${med(times).toFixed(2)} s (runs: ${times.map((t) => t.toFixed(2)).join(', ')}), peak RSS ${med(rss).toFixed(0)} MiB`,
);
console.log(
  `command: node bin/readiness.js aggregate ${dir} --inventory ${dir}.inventory.yml --format json -o ${dir}.out.json`,
);
