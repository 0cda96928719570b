/**
 * CI adoption end to end, through the built binary: every format and gate, baselines over a
 * fixture history (ci-baseline-before → ci-baseline-after), suppressions in force and expired,
 * inline suppressions, init, environment conventions and atomic writes.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../src/config/load.js';
import { main, type Io } from '../src/cli/index.js';
import { reportSchema, type Report, type RuleReport } from '../src/report/schema.js';
import { cli, fixture, ROOT } from './helpers/cli.js';
import { builtins } from './helpers/builtins.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'readiness-ci-'));
const config = (name: string) => join(ROOT, 'fixtures', 'ci-configs', name);
const rule = (r: Report, id: string): RuleReport => r.pillars.flatMap((p) => p.rules).find((x) => x.id === id)!;
const json = (stdout: string) => reportSchema.parse(JSON.parse(stdout)) as Report;

async function writeBaseline(): Promise<string> {
  const file = join(tmp(), 'readiness-baseline.json');
  const r = await cli(['audit', fixture('ci-baseline-before'), '--write-baseline', file, '--quiet']);
  expect(r.code, r.stderr).toBe(0);
  return file;
}

describe('every format through the built CLI', () => {
  const formats: [string, (out: string) => void][] = [
    ['terminal', (o) => expect(o).toMatch(/Overall \d+ [A-F]/)],
    ['json', (o) => expect(json(o).schemaVersion).toBe(2)],
    ['md', (o) => expect(o).toMatch(/^# Production readiness/)],
    ['sarif', (o) => expect(JSON.parse(o).version).toBe('2.1.0')],
    ['badge', (o) => expect(JSON.parse(o)).toMatchObject({ schemaVersion: 1, label: 'readiness' })],
  ];
  for (const [format, check] of formats) {
    it(`--format ${format} exits 0 and prints it; with a failing gate, exits 1 and names the gate on stderr`, async () => {
      const ok = await cli(['audit', fixture('ci-baseline-before'), '--format', format]);
      expect(ok.code, ok.stderr).toBe(0);
      check(ok.stdout);
      const bad = await cli(['audit', fixture('ci-baseline-after'), '--format', format, '--fail-on', 'high']);
      expect(bad.code).toBe(1);
      check(bad.stdout);
      if (format !== 'terminal') {
        expect(bad.stderr).toMatch(
          /gate failed: \d+ failed rules? of severity high or higher: .*operations\/ci-pipeline \(high\)/,
        );
      }
    });
  }

  it('badge: score and grade in the message, colour by grade', async () => {
    const report = json((await cli(['audit', fixture('ci-baseline-after'), '--format', 'json'])).stdout);
    const badge = JSON.parse((await cli(['audit', fixture('ci-baseline-after'), '--format', 'badge'])).stdout);
    expect(badge.message).toBe(`${report.summary.score} (${report.summary.grade})`);
    const colours: Record<string, string> = { A: 'brightgreen', B: 'green', C: 'yellow', D: 'orange', F: 'red' };
    expect(badge.color).toBe(colours[report.summary.grade!]);
  });

  it('a pillar gate and a minimum score gate through the config are honoured too', async () => {
    const r = await cli([
      'audit',
      fixture('ci-baseline-after'),
      '--min-pillar',
      'operations=10',
      '--min-score',
      '10',
      '--format',
      'json',
    ]);
    expect(r.code).toBe(1);
    const checks = json(r.stdout).gates.checks;
    expect(checks).toContainEqual(
      expect.objectContaining({ kind: 'min-pillar', target: 'operations', passed: false, actual: '0' }),
    );
    expect(checks).toContainEqual(expect.objectContaining({ kind: 'min-score', passed: true }));
  });
});

describe('baselines over a fixture history', () => {
  it('--fail-on-regression fails after a bad change, naming the pillars that dropped and the rule that broke', async () => {
    const base = await writeBaseline();
    const r = await cli([
      'audit',
      fixture('ci-baseline-after'),
      '--baseline',
      base,
      '--fail-on-regression',
      '--format',
      'json',
    ]);
    expect(r.code).toBe(1);
    const report = json(r.stdout);
    const b = report.baseline!;
    expect(b.file).toBe('readiness-baseline.json');
    // Expected deltas come from auditing both trees on their own: the baseline must agree with them.
    const before = json((await cli(['audit', fixture('ci-baseline-before'), '--format', 'json'])).stdout);
    const after = json((await cli(['audit', fixture('ci-baseline-after'), '--format', 'json'])).stdout);
    const score = (r: typeof before, id: string) => r.pillars.find((p) => p.id === id)!.score!;
    const dropped = before.pillars.filter((p) => p.score !== null && score(after, p.id) < p.score).map((p) => p.id);
    expect(dropped).toEqual(expect.arrayContaining(['security', 'operations']));
    expect(b.regressions.pillars).toEqual(dropped);
    expect(b.regressions.rules).toContain('operations/ci-pipeline');
    const ops = { before: score(before, 'operations'), after: score(after, 'operations') };
    expect(b.pillars.find((p) => p.id === 'operations')).toMatchObject({ ...ops, delta: ops.after - ops.before });
    expect(b.pillars.find((p) => p.id === 'quality')).toMatchObject({
      delta: score(after, 'quality') - score(before, 'quality'),
    });
    expect(b.rules).toContainEqual({
      id: 'operations/ci-pipeline',
      before: 'pass',
      after: 'fail',
      beforeScore: 1,
      afterScore: 0,
      change: 'regressed',
    });
    expect(b.rules).toContainEqual(
      expect.objectContaining({
        id: 'security/security-middleware',
        // helmet() sends security headers and HSTS by default: a pass before helmet was removed.
        before: 'pass',
        after: 'fail',
        change: 'regressed',
      }),
    );
    expect(b.rules.map((x) => x.id)).not.toContain('quality/tests-present'); // unchanged rules are left out
    const gate = report.gates.checks.find((c) => c.kind === 'regression')!;
    expect(gate.passed).toBe(false);
    expect(r.stderr).toContain(`Operations & Deployment dropped from ${ops.before} to ${ops.after}`);
    expect(r.stderr).toContain(
      `Security & Compliance dropped from ${score(before, 'security')} to ${score(after, 'security')}`,
    );
    expect(r.stderr).toContain('operations/ci-pipeline passed and now fails');
  });

  it('the terminal shows the deltas beside the scores and lists what changed', async () => {
    const base = await writeBaseline();
    const b0 = json((await cli(['audit', fixture('ci-baseline-after'), '--baseline', base, '--format', 'json'])).stdout)
      .baseline!;
    const r = await cli(['audit', fixture('ci-baseline-after'), '--baseline', base, '--fail-on-regression']);
    expect(r.code).toBe(1);
    const ops = b0.pillars.find((p) => p.id === 'operations')!;
    expect(r.stdout).toMatch(/│ Pillar +│ Score │ +Δ │ Grade │/);
    expect(r.stdout).toMatch(new RegExp(`Operations & Deployment\\s+│\\s+${ops.after} │\\s+${ops.delta} │`));
    expect(r.stdout).toContain('Since the baseline readiness-baseline.json');
    expect(r.stdout).toContain('operations/ci-pipeline: pass → fail');
    // Gate messages wrap at the terminal's width: read them as one line.
    expect(r.stdout.replace(/\n +/g, ' ')).toMatch(
      /✗ regression since the baseline readiness-baseline\.json: .*operations\/ci-pipeline passed and now fails/,
    );
  });

  it('the same tree against its own baseline: no deltas, no regression, exit 0', async () => {
    const base = await writeBaseline();
    const r = await cli([
      'audit',
      fixture('ci-baseline-before'),
      '--baseline',
      base,
      '--fail-on-regression',
      '--format',
      'json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const b = json(r.stdout).baseline!;
    expect(b.rules).toEqual([]);
    expect(b.overall.delta).toBe(0);
    expect(json(r.stdout).gates.checks).toContainEqual(expect.objectContaining({ kind: 'regression', passed: true }));
  });

  it('an improvement is a delta, not a regression', async () => {
    const file = join(tmp(), 'old.json');
    await cli(['audit', fixture('ci-baseline-after'), '--write-baseline', file, '--quiet']);
    const r = await cli([
      'audit',
      fixture('ci-baseline-before'),
      '--baseline',
      file,
      '--fail-on-regression',
      '--format',
      'json',
    ]);
    expect(r.code).toBe(0);
    expect(json(r.stdout).baseline!.rules).toContainEqual(
      expect.objectContaining({ id: 'operations/ci-pipeline', change: 'improved' }),
    );
  });

  it('the written baseline is the JSON report itself, without a nested baseline', async () => {
    const base = await writeBaseline();
    const next = join(tmp(), 'next.json');
    const r = await cli([
      'audit',
      fixture('ci-baseline-after'),
      '--baseline',
      base,
      '--write-baseline',
      next,
      '--format',
      'json',
    ]);
    const written = json(readFileSync(next, 'utf8'));
    expect(written.baseline).toBeUndefined();
    const { baseline: _b, ...printed } = json(r.stdout);
    expect(written).toEqual(printed);
  });

  const bad: [string, (dir: string) => string, RegExp][] = [
    [
      'a missing baseline',
      (d) => join(d, 'nope.json'),
      /--baseline .*nope\.json: cannot read \(no such file or directory\)/,
    ],
    [
      'a baseline that is not JSON',
      (d) => (writeFileSync(join(d, 'b.json'), '{ nope'), join(d, 'b.json')),
      /not valid JSON/,
    ],
    [
      'a JSON file that is not a report',
      (d) => (writeFileSync(join(d, 'b.json'), '{"schemaVersion": 1, "pillars": 3}'), join(d, 'b.json')),
      /not a readiness JSON report \(summary/,
    ],
  ];
  for (const [name, make, message] of bad) {
    it(`${name} is one line and exit 2`, async () => {
      const r = await cli(['audit', fixture('ci-baseline-after'), '--baseline', make(tmp())]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    });
  }

  it('--fail-on-regression without --baseline is a usage error', async () => {
    const r = await cli(['audit', fixture('ci-baseline-after'), '--fail-on-regression']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--fail-on-regression needs --baseline');
  });
});

describe('suppressions', () => {
  it('a suppression in force takes the result out of the score and lists it with its reason', async () => {
    const plain = json((await cli(['audit', fixture('ci-baseline-before'), '--format', 'json'])).stdout);
    const r = await cli([
      'audit',
      fixture('ci-baseline-before'),
      '--config',
      config('suppress-valid.yml'),
      '--format',
      'json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const report = json(r.stdout);
    expect(rule(report, 'operations/container-image')).toMatchObject({
      outcome: 'fail',
      points: 0,
      maxPoints: 0,
      suppressed: { reason: "images are built by the platform team's pipeline", expires: '2999-12-31' },
    });
    expect(report.summary.counts.suppressed).toBe(1);
    expect(report.pillars.find((p) => p.id === 'operations')!.score).toBeGreaterThan(
      plain.pillars.find((p) => p.id === 'operations')!.score!,
    );
    expect(report.suppressed).toEqual([
      {
        rule: 'operations/container-image',
        reason: "images are built by the platform team's pipeline",
        expires: '2999-12-31',
        expired: false,
        matched: true,
      },
    ]);
    // One screen says how many are hidden; --verbose lists each with its reason.
    const terminal = await cli(['audit', fixture('ci-baseline-before'), '--config', config('suppress-valid.yml')]);
    expect(terminal.stdout).toContain('1 result suppressed (--verbose lists them)');
    const verbose = await cli([
      'audit',
      fixture('ci-baseline-before'),
      '--config',
      config('suppress-valid.yml'),
      '--verbose',
    ]);
    expect(verbose.stdout).toMatch(
      /Suppressed\n {2}~ operations\/container-image \(fail, until 2999-12-31\): images are built/,
    );
  });

  it('an expired suppression fails the run, naming it, and no longer hides its result', async () => {
    const r = await cli([
      'audit',
      fixture('ci-baseline-before'),
      '--config',
      config('suppress-expired.yml'),
      '--format',
      'json',
    ]);
    expect(r.code).toBe(1);
    const report = json(r.stdout);
    expect(r.stderr).toContain(
      'gate failed: the suppression of operations/infrastructure-as-code expired on 2020-01-31',
    );
    expect(report.gates.checks).toEqual([
      expect.objectContaining({
        kind: 'suppression-expired',
        target: 'operations/infrastructure-as-code',
        passed: false,
      }),
    ]);
    expect(rule(report, 'operations/infrastructure-as-code').suppressed).toBeUndefined();
    expect(rule(report, 'operations/container-image').suppressed).toBeDefined();
  });

  it('a suppression with paths applies only when every located finding is under them', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'docs', 'examples'), { recursive: true });
    writeFileSync(join(dir, 'docs', 'examples', 'setup.md'), 'export AWS_ACCESS_KEY_ID=AKIAZ7Q4X2M9LW3R8T5P\n');
    writeFileSync(
      join(dir, '.readiness.yml'),
      'suppressions:\n  - rule: security/no-committed-secrets\n    paths: ["docs/examples/**"]\n    reason: "documentation placeholders"\n',
    );
    const inside = await cli(['audit', dir, '--format', 'json', '--fail-on', 'critical']);
    expect(inside.code, inside.stderr).toBe(0);
    expect(rule(json(inside.stdout), 'security/no-committed-secrets').suppressed).toEqual({
      reason: 'documentation placeholders',
    });
    writeFileSync(join(dir, 'deploy.sh'), 'export AWS_ACCESS_KEY_ID=AKIAZ7Q4X2M9LW3R8T5Q\n');
    const outside = await cli(['audit', dir, '--format', 'json', '--fail-on', 'critical']);
    expect(outside.code).toBe(1);
    expect(rule(json(outside.stdout), 'security/no-committed-secrets').suppressed).toBeUndefined();
    expect(json(outside.stdout).suppressed[0]).toMatchObject({ rule: 'security/no-committed-secrets', matched: false });
  });

  it('inline readiness-ignore on the line or the line before suppresses a line-level finding', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'src'));
    writeFileSync(
      join(dir, 'src', 'settings.py'),
      '# readiness-ignore security/no-committed-secrets -- revoked key kept for the parser test\nAWS_KEY = "AKIAZ7Q4X2M9LW3R8T5P"\n',
    );
    writeFileSync(
      join(dir, 'src', 'other.js'),
      'const k = "AKIAZ7Q4X2M9LW3R8T5Q"; // readiness-ignore no-committed-secrets -- fixture for the docs */\n',
    );
    const r = await cli(['audit', dir, '--format', 'json', '--fail-on', 'critical']);
    expect(r.code, r.stderr).toBe(0);
    const report = json(r.stdout);
    expect(rule(report, 'security/no-committed-secrets')).toMatchObject({
      outcome: 'fail',
      suppressed: { reason: 'fixture for the docs; revoked key kept for the parser test', inline: true },
    });
    expect(report.suppressed).toEqual([
      {
        rule: 'no-committed-secrets',
        reason: 'fixture for the docs',
        expired: false,
        path: 'src/other.js',
        line: 1,
        matched: true,
      },
      {
        rule: 'security/no-committed-secrets',
        reason: 'revoked key kept for the parser test',
        expired: false,
        path: 'src/settings.py',
        line: 1,
        matched: true,
      },
    ]);
    expect(report.summary.counts.suppressed).toBe(1);
  });

  it('a readiness-ignore marker inside a string literal is text a program writes, not a comment: it suppresses nothing', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'src'));
    writeFileSync(
      join(dir, 'src', 'settings.py'),
      'print(\'# readiness-ignore security/no-committed-secrets -- generated\')\nAWS_KEY = "AKIAZ7Q4X2M9LW3R8T5P"\n',
    );
    const r = await cli(['audit', dir, '--format', 'json', '--fail-on', 'critical']);
    expect(r.code, r.stderr).toBe(1);
    const report = json(r.stdout);
    expect(rule(report, 'security/no-committed-secrets').suppressed).toBeUndefined();
    expect(report.suppressed).toEqual([]);
  });

  it('an inline marker covering only some findings leaves the result failing and says which were covered', async () => {
    const dir = tmp();
    writeFileSync(
      join(dir, 'a.py'),
      'KEY = "AKIAZ7Q4X2M9LW3R8T5P"  # readiness-ignore security/no-committed-secrets -- revoked\n\n\nOTHER = "AKIAZ7Q4X2M9LW3R8T5Q"\n',
    );
    writeFileSync(
      join(dir, 'b.py'),
      '# readiness-ignore security/some-other-rule -- wrong rule\nKEY = "AKIAZ7Q4X2M9LW3R8T5R"\n',
    );
    const r = await cli(['audit', dir, '--format', 'json', '--fail-on', 'critical']);
    expect(r.code).toBe(1);
    const secrets = rule(json(r.stdout), 'security/no-committed-secrets');
    expect(secrets.suppressed).toBeUndefined();
    expect(secrets.evidence.find((e) => e.path === 'a.py' && e.line === 1)?.note).toContain(
      'suppressed inline: revoked',
    );
    expect(secrets.evidence.find((e) => e.path === 'a.py' && e.line === 4)?.note ?? '').not.toContain('suppressed');
    expect(json(r.stdout).suppressed.find((s) => s.path === 'b.py')).toMatchObject({ matched: false });
  });
});

describe('init', () => {
  it('writes a commented config for the detected profile that validates, and refuses to overwrite without --force', async () => {
    const dir = tmp();
    cpSync(fixture('ci-baseline-before'), dir, { recursive: true });
    const r = await cli(['init', dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('wrote .readiness.yml for the service profile');
    const text = readFileSync(join(dir, '.readiness.yml'), 'utf8');
    expect(text).toMatch(/^# /);
    expect(parseConfigText(text, '.readiness.yml')).toEqual({ profile: 'service', failOn: 'critical' });
    writeFileSync(join(dir, '.readiness.yml'), 'minScore: 1\n');
    const again = await cli(['init', dir]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('.readiness.yml already exists');
    expect(readFileSync(join(dir, '.readiness.yml'), 'utf8')).toBe('minScore: 1\n');
    expect((await cli(['init', dir, '--force'])).code).toBe(0);
    expect(readFileSync(join(dir, '.readiness.yml'), 'utf8')).toBe(text);
    // The audit picks it up.
    const audit = await cli(['audit', dir, '--format', 'json']);
    expect(audit.stdout).toContain('"detected": false');
  });

  it('detects a library', async () => {
    const dir = tmp();
    cpSync(fixture('bare-library'), dir, { recursive: true });
    await cli(['init', dir]);
    expect(readFileSync(join(dir, '.readiness.yml'), 'utf8')).toContain('profile: library');
  });
});

describe('environment conventions', () => {
  async function run(argv: string[], env: NodeJS.ProcessEnv, isTTY: boolean) {
    let stdout = '';
    let stderr = '';
    // Progress normally waits a second; a fixture audit is faster than that.
    const io: Io = {
      stdout: (s) => void (stdout += s),
      stderr: (s) => void (stderr += s),
      isTTY,
      env,
      progressDelayMs: 0,
    };
    const code = await main(argv, io, builtins);
    return { code, stdout, stderr };
  }

  it('progress goes to stderr on a terminal, never with CI=true or --quiet', async () => {
    const args = ['audit', fixture('ci-baseline-before')];
    expect((await run(args, {}, true)).stderr).toContain('readiness: facts (6 files)');
    expect((await run(args, { CI: 'true' }, true)).stderr).toBe('');
    expect((await run([...args, '--quiet'], {}, true)).stderr).toBe('');
    expect((await run(args, {}, false)).stderr).toBe('');
  });

  it('NO_COLOR and FORCE_COLOR decide colour', async () => {
    const args = ['audit', fixture('ci-baseline-before')];
    // eslint-disable-next-line no-control-regex
    const ansi = /\u001b\[\d/;
    expect((await run(args, { CI: 'true' }, true)).stdout).toMatch(ansi);
    expect((await run(args, { CI: 'true', NO_COLOR: '1' }, true)).stdout).not.toMatch(ansi);
    expect((await run(args, { CI: 'true', FORCE_COLOR: '1' }, false)).stdout).toMatch(ansi);
    expect((await run([...args, '--no-color'], { CI: 'true', FORCE_COLOR: '1' }, true)).stdout).not.toMatch(ansi);
    const viaBinary = await cli(args, { env: { FORCE_COLOR: '1', NO_COLOR: '' } });
    expect(viaBinary.stdout).toMatch(ansi);
  });

  it('--quiet prints nothing when gates pass and only the failed gates when they do not', async () => {
    const ok = await cli(['audit', fixture('ci-baseline-before'), '--quiet', '--fail-on', 'critical']);
    expect(ok).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const bad = await cli([
      'audit',
      fixture('ci-baseline-after'),
      '--quiet',
      '--min-score',
      '90',
      '--fail-on',
      'critical',
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^readiness: gate failed: overall score \d+ is below the minimum of 90$/),
    ]);
  });
});

describe('atomic writes', () => {
  it('--output and --write-baseline leave no temporary file behind', async () => {
    const dir = tmp();
    const r = await cli([
      'audit',
      fixture('ci-baseline-before'),
      '--output',
      join(dir, 'r.sarif'),
      '--write-baseline',
      join(dir, 'base.json'),
    ]);
    expect(r.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['base.json', 'r.sarif']);
  });

  it('an existing baseline and report survive a failed run', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'base.json'), 'previous baseline');
    writeFileSync(join(dir, 'r.json'), 'previous report');
    const r = await cli([
      'audit',
      fixture('ci-baseline-before'),
      '--baseline',
      join(dir, 'missing.json'),
      '--output',
      join(dir, 'r.json'),
      '--write-baseline',
      join(dir, 'base.json'),
    ]);
    expect(r.code).toBe(2);
    expect(readFileSync(join(dir, 'base.json'), 'utf8')).toBe('previous baseline');
    expect(readFileSync(join(dir, 'r.json'), 'utf8')).toBe('previous report');
    expect(readdirSync(dir).sort()).toEqual(['base.json', 'r.json']);
    expect(existsSync(join(dir, 'missing.json'))).toBe(false);
  });
});
