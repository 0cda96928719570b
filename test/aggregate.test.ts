/**
 * `readiness aggregate` end to end, in process: Reports of real fixture audits rolled up by team,
 * tier, pillar and rule, with levels, stale and mixed inputs flagged, broken files skipped with a
 * note, and history compared snapshot to snapshot.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { levelOf } from '../src/aggregate/levels.js';
import { aggregateSchema, type Aggregate } from '../src/aggregate/schema.js';
import { main, type Io } from '../src/cli/index.js';
import type { Report } from '../src/report/schema.js';
import { builtins } from './helpers/builtins.js';
import { fixture } from './helpers/cli.js';
import { tempDir, writeTree } from './helpers/tree.js';

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), isTTY: false, env: {} };
  const code = await main(argv, io, builtins);
  return { code, stdout, stderr };
}

const LEVELS = `levels:
  - id: bronze
    rules: [architecture/readme]
  - id: silver
    rules: [operations/ci-pipeline, quality/tests-in-ci]
  - id: gold
    rules: [security/security-scanning]
`;

let dir: string;
let levels: string;
let inventory: string;
const reports: Record<string, Report> = {};

beforeAll(async () => {
  dir = tempDir('readiness-agg-');
  const configDir = tempDir('readiness-agg-config-');
  levels = join(configDir, 'levels.yml');
  inventory = join(configDir, 'inventory.yml');
  writeFileSync(levels, LEVELS);
  writeFileSync(
    inventory,
    'repositories:\n  node-service: {team: payments, tier: 1, tags: [pci]}\n  python-fastapi: {team: payments, tier: 2}\n  monorepo: {team: platform, tier: 1}\ndefault: {team: unassigned}\n',
  );
  for (const f of ['node-service', 'python-fastapi', 'monorepo', 'bare-library']) {
    const r = await run(['audit', fixture(f), '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    reports[f] = JSON.parse(r.stdout) as Report;
    writeFileSync(join(dir, `${f}.json`), r.stdout);
  }
  writeTree(dir, {
    'foreign.json': '{"name": "some-package", "version": "1.0.0"}',
    'broken.json': JSON.stringify(reports['node-service']).slice(0, 300),
    'nested/readme.txt': 'not a report',
  });
});

async function aggregate(extra: string[] = []): Promise<{ agg: Aggregate; stderr: string }> {
  const r = await run([
    'aggregate',
    dir,
    '--inventory',
    inventory,
    '-c',
    levels,
    '--snapshot',
    '2026-12-01',
    '--format',
    'json',
    ...extra,
  ]);
  expect(r.code, r.stderr).toBe(0);
  return { agg: aggregateSchema.parse(JSON.parse(r.stdout)), stderr: r.stderr };
}

describe('levels', () => {
  const lv = [
    { id: 'bronze', rules: ['a'] },
    { id: 'silver', rules: ['b', 'c'] },
    { id: 'gold', rules: ['d'] },
  ];
  it('a repository reaches the highest level whose rules and every lower level pass', () => {
    const states: Record<string, string> = { a: 'pass', b: 'pass', c: 'fail', d: 'pass' };
    const r = levelOf(lv, (id) => (states[id] ?? 'missing') as never);
    expect(r.id).toBe('bronze');
    // gold's rule passes, but silver is not reached, so gold is not either.
    expect(r.next).toEqual({ id: 'silver', unmet: [{ rule: 'c', state: 'fail' }] });
  });
  it('suppressed and not-applicable rules count as met, and the suppressed ones are listed', () => {
    const states: Record<string, string> = { a: 'suppressed', b: 'not-applicable', c: 'pass', d: 'pass' };
    const r = levelOf(lv, (id) => (states[id] ?? 'missing') as never);
    expect(r).toEqual({ id: 'gold', next: null, suppressed: ['a'] });
  });
  it('partial, unknown, error and a rule the report does not hold are not met', () => {
    for (const s of ['partial', 'unknown', 'error', 'missing']) expect(levelOf(lv, () => s as never).id, s).toBeNull();
  });
});

describe('readiness aggregate', () => {
  it('rolls reports up by team and tier, with levels per repository and the rule that blocks the next', async () => {
    const { agg } = await aggregate();
    expect(agg.inputs).toMatchObject({ files: 6, reports: 4 });
    expect(agg.repositories.map((r) => r.name)).toEqual(['bare-library', 'monorepo', 'node-service', 'python-fastapi']);
    const payments = agg.teams.find((t) => t.key === 'payments')!;
    expect(payments.repositories).toBe(2);
    const scores = [reports['node-service']!.summary.score!, reports['python-fastapi']!.summary.score!];
    expect(payments.score.mean).toBe(Math.round(((scores[0]! + scores[1]!) / 2) * 10) / 10);
    expect(agg.teams.map((t) => t.key)).toEqual(['payments', 'platform', 'unassigned']);
    expect(agg.tiers.map((t) => [t.key, t.repositories])).toEqual([
      ['1', 2],
      ['2', 1],
      ['untiered', 1],
    ]);
    const node = agg.repositories.find((r) => r.name === 'node-service')!;
    expect(node).toMatchObject({ team: 'payments', tier: '1', tags: ['pci'] });
    // The level follows the rules' outcomes in the report itself.
    const rule = (id: string) =>
      reports['node-service']!.pillars.flatMap((p) => p.rules).find((x) => x.id === id)!.outcome;
    const readme = rule('architecture/readme');
    expect(node.level === null).toBe(readme !== 'pass');
    if (node.nextLevel) expect(node.nextLevel.unmet.length).toBeGreaterThan(0);
    // Every repository counts once per level bucket.
    expect(Object.values(agg.overview.levels).reduce((a, b) => a + b, 0)).toBe(4);
  });

  it('a rule pass rate counts only the repositories where the rule applies', async () => {
    const { agg } = await aggregate();
    for (const r of agg.rules) {
      expect(r.applies).toBe(r.pass + r.partial + r.fail + r.suppressed);
      expect(r.applies + r.notApplicable + r.unknown + r.error + r.missing).toBe(4);
      if (r.applies) expect(r.passRate).toBeCloseTo(r.pass / r.applies, 3);
    }
    const sec = agg.rules.find((r) => r.id === 'security/license')!;
    const passing = Object.values(reports).filter(
      (rep) => rep.pillars.flatMap((p) => p.rules).find((x) => x.id === 'security/license')?.outcome === 'pass',
    ).length;
    expect(sec.pass).toBe(passing);
  });

  it('skips malformed, truncated and foreign files with a note naming each, and never crashes', async () => {
    const { agg, stderr } = await aggregate();
    const skipped = Object.fromEntries(agg.inputs.skipped.map((s) => [s.file.split('/').pop(), s.reason]));
    expect(skipped['foreign.json']).toMatch(/not a readiness report/);
    expect(skipped['broken.json']).toMatch(/not valid JSON/);
    const terminal = await run(['aggregate', dir, '--snapshot', 'x']);
    expect(terminal.code).toBe(0);
    expect(terminal.stdout).toMatch(/skipped .*foreign\.json: not a readiness report/);
    expect(stderr).toBe('');
  });

  it('flags reports made with another rule catalogue, a stale commit, or a repository given twice', async () => {
    const other = tempDir('readiness-agg-mixed-');
    const base = reports['node-service']!;
    const old = {
      ...structuredClone(base),
      stamp: { commitDate: '2024-01-01T00:00:00Z', catalogue: 'another-catalogue', config: null },
    };
    writeFileSync(join(other, 'a.json'), JSON.stringify(old));
    const renamed = structuredClone(reports['python-fastapi']!);
    writeFileSync(join(other, 'b.json'), JSON.stringify(renamed));
    writeFileSync(join(other, 'c.json'), JSON.stringify(reports.monorepo));
    writeFileSync(join(other, 'd.json'), JSON.stringify(reports.monorepo));
    const r = await run(['aggregate', other, '--snapshot', '2026-12-01', '--format', 'json']);
    const agg = aggregateSchema.parse(JSON.parse(r.stdout));
    const kinds = agg.warnings.map((w) => w.kind);
    expect(kinds).toContain('duplicate');
    expect(kinds).toContain('stale');
    expect(agg.repositories.find((x) => x.name === 'node-service')!.flags).toEqual(
      expect.arrayContaining(['mixed-catalogue', 'stale']),
    );
    expect(agg.repositories.filter((x) => x.name === 'monorepo')).toHaveLength(1);
  });

  it('history: the second snapshot shows level changes, rules that went from pass to fail, and team deltas', async () => {
    const hdir = tempDir('readiness-agg-history-');
    const history = join(hdir, 'history.ndjson');
    const first = await aggregate(['--history', history]);
    expect(first.agg.changes).toBeNull();
    const lines = readFileSync(history, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(JSON.parse(lines[0]!)).toMatchObject({ v: 1, snapshot: '2026-12-01', name: 'bare-library' });

    // A week later node-service lost its README and gained a passing security scan.
    const changed = structuredClone(reports['node-service']!);
    const all = changed.pillars.flatMap((p) => p.rules);
    const readme = all.find((x) => x.id === 'architecture/readme')!;
    const readmeBefore = readme.outcome;
    readme.outcome = 'fail';
    changed.summary.score = (changed.summary.score ?? 0) - 10;
    const saved = readFileSync(join(dir, 'node-service.json'), 'utf8');
    writeFileSync(join(dir, 'node-service.json'), JSON.stringify(changed));
    try {
      const r = await run([
        'aggregate',
        dir,
        '--inventory',
        inventory,
        '-c',
        levels,
        '--history',
        history,
        '--snapshot',
        '2026-12-08',
        '--format',
        'json',
      ]);
      const agg = aggregateSchema.parse(JSON.parse(r.stdout));
      expect(agg.changes!.since).toBe('2026-12-01');
      if (readmeBefore === 'pass') {
        expect(agg.changes!.newlyFailing).toContainEqual({
          name: 'node-service',
          rule: 'architecture/readme',
          from: 'pass',
          to: 'fail',
        });
        expect(agg.changes!.levelChanges.find((l) => l.name === 'node-service')).toMatchObject({ up: false, to: null });
      }
      const payments = agg.changes!.scoreDeltas.find((d) => d.team === 'payments')!;
      expect(payments.delta).toBe(-5);
      expect(agg.trend.map((t) => t.snapshot)).toEqual(['2026-12-01', '2026-12-08']);
      // The same label again gets a suffix rather than mixing two snapshots.
      const again = await run(['aggregate', dir, '--history', history, '--snapshot', '2026-12-08', '--format', 'json']);
      expect(JSON.parse(again.stdout).snapshot).toBe('2026-12-08.2');
    } finally {
      writeFileSync(join(dir, 'node-service.json'), saved);
    }
  });

  it('renders Markdown, HTML and CSV; CSV cells cannot become spreadsheet formulas', async () => {
    const md = await run([
      'aggregate',
      dir,
      '--inventory',
      inventory,
      '-c',
      levels,
      '--snapshot',
      'x',
      '--format',
      'md',
    ]);
    expect(md.stdout).toMatch(/^# Production readiness across 4 repositories/);
    expect(md.stdout).toContain('| payments | 2 |');
    const html = await run(['aggregate', dir, '--inventory', inventory, '--snapshot', 'x', '--format', 'html']);
    expect(html.stdout).toContain('<h3 id="team-0">Team payments</h3>');
    expect(html.stdout).toMatch(/<svg class="spark"/);
    const evil = tempDir('readiness-agg-evil-');
    const r = structuredClone(reports['bare-library']!);
    r.repository.name = '=HYPERLINK("http://x","y")';
    writeFileSync(join(evil, 'r.json'), JSON.stringify(r));
    const csv = await run(['aggregate', evil, '--snapshot', 'x', '--format', 'csv']);
    expect(csv.stdout.split('\r\n')[1]).toMatch(/^"'=HYPERLINK\(""http:\/\/x"",""y""\)",/);
    const h2 = await run(['aggregate', evil, '--snapshot', 'x', '--format', 'html']);
    expect(h2.stdout).not.toContain('<a href="http://x"');
  });

  it('bad input is one line and exit 2: nothing to read, a bad inventory, an unknown format', async () => {
    const empty = tempDir('readiness-agg-empty-');
    expect((await run(['aggregate', empty])).stderr).toMatch(/^readiness: no JSON report in /);
    const bad = join(empty, 'inv.yml');
    writeFileSync(bad, 'repositories:\n  x: {team: a, owner: b}\n');
    const r = await run(['aggregate', dir, '--inventory', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--inventory .*inv\.yml: unknown key repositories\.x\.owner/);
    expect((await run(['aggregate', dir, '-o', join(empty, 'out.pdf')])).code).toBe(2);
  });

  it('`readiness schema aggregate` prints the JSON Schema of what --format json writes', async () => {
    const r = await run(['schema', 'aggregate']);
    const schema = JSON.parse(r.stdout);
    expect(schema.title).toBe('readiness aggregate');
    expect(schema.required).toEqual(expect.arrayContaining(['repositories', 'teams', 'rules', 'changes']));
  });
});

describe('stamps', () => {
  it('every report says what it was made from: commit date, rule catalogue and configuration hashes', () => {
    const r = reports['node-service']!;
    expect(r.stamp).toMatchObject({ catalogue: expect.stringMatching(/^[0-9a-f]{16}$/), config: null });
    // The same catalogue for every audit made by this build.
    expect(new Set(Object.values(reports).map((x) => x.stamp!.catalogue)).size).toBe(1);
  });
});
