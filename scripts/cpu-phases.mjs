#!/usr/bin/env node
// Where an audit's CPU goes, by phase, from `node --cpu-prof` profiles (one per thread):
//
//   node --cpu-prof --cpu-prof-dir=prof bin/readiness.js audit TREE --output /dev/null
//   node scripts/cpu-phases.mjs prof            # every profile in the folder, and all together
//
// Each sample goes to the innermost frame on its stack that names a phase (the table below): the
// literal automaton's time is its own even though runPatterns calls it, a rule's lazy module load is
// module loading. Profiles sample wall time per thread, so on a loaded machine a thread's samples
// include the time it waited for a core: read the shares, not the milliseconds. Functions are
// recognised by name (the bundle keeps them); the automaton, whose method is called `scan` like
// the scanner, by the line it starts on (`scan(text) {`), read from the profiled script.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PHASES = [
  ['literal automaton', (f) => f.name === 'scan' && /^\s*scan\(text\)\s*\{/.test(lineOf(f))],
  ['digests: tests', /^digestTestFile$/],
  ['digests: Kubernetes YAML', /^manifestsOf$/],
  ['digests: Terraform HCL', /^parseHcl$/],
  ['digests: other', /^localDigest$/],
  ['patterns (runPatterns, regexes)', /^(runPatterns|execAll|present|anyPresent)$/],
  ['scan plan (planFiles, globs)', /^(planFiles|scanPlan|compilePatterns|targetsFor)$/],
  ['reads (open, read, close)', /^(openSync|readSync|closeSync|fstatSync)$/],
  [
    'worker hand-over (clone, adopt)',
    /^(onBatch|post|postMessage|nullPrototypes|deserialize|restorePrototypes|sharePath|adoptManifests|adoptBlocks)$/,
  ],
  ['decoding bytes', /^(decode|handOver)$/],
  ['rules', /^runRules$/],
  ['facts', /^(collectFacts|completeFacts)$/],
  ['listing (git ls-files)', /^(listFiles|gitList)$/],
  ['git processes (spawn)', /^(ChildProcess\.spawn|spawn|spawnSync)$/],
  ['report and render', /^(buildReport|renderJson|redactDeep|packageReports)$/],
  [
    'module loading',
    (f) =>
      f.name === '__init' ||
      /^(loadScript|Script|compileForInternalLoader|requireBuiltin|compileSourceTextModule|loadAndTranslate)$/.test(
        f.name,
      ),
  ],
  ['garbage collector', /^\(garbage collector\)$/],
  ['idle', /^\(idle\)$/],
];

const sources = new Map();
function lineOf(f) {
  if (!f.url.startsWith('file:') && !f.url.startsWith('/')) return '';
  let lines = sources.get(f.url);
  if (!lines) {
    try {
      lines = readFileSync(f.url.startsWith('file:') ? fileURLToPath(f.url) : f.url, 'utf8').split('\n');
    } catch {
      lines = [];
    }
    sources.set(f.url, lines);
  }
  return lines[f.line] ?? '';
}

const files = process.argv.slice(2).flatMap((a) =>
  statSync(a).isDirectory()
    ? readdirSync(a)
        .filter((f) => f.endsWith('.cpuprofile'))
        .sort()
        .map((f) => join(a, f))
    : [a],
);
if (files.length === 0) {
  console.error('usage: node scripts/cpu-phases.mjs PROFILE_OR_DIR...');
  process.exit(2);
}

const all = new Map();
for (const file of files) {
  const p = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const phaseOf = new Map();
  const phase = (id) => {
    if (phaseOf.has(id)) return phaseOf.get(id);
    const n = byId.get(id);
    const f = { name: n.callFrame.functionName, url: n.callFrame.url, line: n.callFrame.lineNumber };
    const own = PHASES.find(([, test]) => (typeof test === 'function' ? test(f) : test.test(f.name)))?.[0];
    const up = parent.get(id);
    const got = own ?? (up === undefined ? 'other' : phase(up));
    phaseOf.set(id, got);
    return got;
  };
  const out = new Map();
  for (let i = 0; i < p.samples.length; i++) {
    const k = phase(p.samples[i]);
    out.set(k, (out.get(k) ?? 0) + (p.timeDeltas[i] ?? 0));
  }
  print(file, out);
  for (const [k, t] of out) all.set(k, (all.get(k) ?? 0) + t);
}
if (files.length > 1) print(`all ${files.length} profiles`, all);

function print(title, out) {
  const busy = [...out].filter(([k]) => k !== 'idle').reduce((a, [, t]) => a + t, 0);
  console.log(
    `\n${title}: ${(busy / 1e3).toFixed(0)} ms sampled (idle excluded)\n\n| phase | ms | share |\n|---|---:|---:|`,
  );
  for (const [k, t] of [...out].filter(([k]) => k !== 'idle').sort((a, b) => b[1] - a[1]))
    console.log(`| ${k} | ${(t / 1e3).toFixed(0)} | ${((100 * t) / busy).toFixed(1)} % |`);
}
