/** Exit codes, gates, errors and atomic output, through the built binary. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, fixture } from './helpers/cli.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'readiness-cli-'));

describe('exit codes and gates', () => {
  it('exits 0 and prints the pillar table for a plain audit', async () => {
    const r = await cli(['audit', fixture('node-service')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Security & Compliance');
    expect(r.stdout).toMatch(/Overall \d+ [A-F]/);
    expect(r.stdout).not.toMatch(/\u001b\[/); // NO_COLOR, not a TTY
  });

  it('exits 1 when the overall score is below --min-score, naming the gate', async () => {
    const r = await cli(['audit', fixture('python-fastapi'), '--min-score', '90']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/overall score \d+ is below the minimum of 90/);
  });

  it('exits 1 for --min-pillar and --fail-on, and lists each failed gate in the JSON', async () => {
    const r = await cli([
      'audit',
      fixture('python-fastapi'),
      '--format',
      'json',
      '--min-pillar',
      'security=90',
      '--min-pillar',
      'quality=10',
      '--fail-on',
      'high',
    ]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    const checks = report.gates.checks;
    expect(checks).toContainEqual(expect.objectContaining({ kind: 'min-pillar', target: 'security', passed: false }));
    expect(checks).toContainEqual(expect.objectContaining({ kind: 'min-pillar', target: 'quality', passed: true }));
    expect(checks).toContainEqual(expect.objectContaining({ kind: 'fail-on', passed: false }));
    expect(report.gates.passed).toBe(false);
    // JSON goes to stdout; the reason still reaches the CI log on stderr.
    expect(r.stderr).toContain('gate failed');
    expect(r.stderr).toContain('security/security-middleware');
  });

  it('a gate on a pillar that was not assessed fails rather than passing silently', async () => {
    const r = await cli(['audit', fixture('bare-library'), '--format', 'json', '--min-pillar', 'observability=50']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).gates.checks[0]).toMatchObject({ actual: 'not assessed', passed: false });
  });

  it('passes gates that are met', async () => {
    const score = JSON.parse((await cli(['audit', fixture('node-service'), '--format', 'json'])).stdout).summary.score;
    const r = await cli(['audit', fixture('node-service'), '--min-score', String(score), '--fail-on', 'critical']);
    expect(r.code, r.stdout).toBe(0);
  });
});

describe('usage and input errors: one line on stderr, exit 2', () => {
  const cases: [string, string[], RegExp][] = [
    ['missing path', ['audit', '/nonexistent/readiness-path'], /path does not exist/],
    ['path is a file', ['audit', 'package.json'], /not a directory/],
    ['unknown flag', ['audit', '.', '--bogus'], /unknown option/],
    ['bad --min-score', ['audit', '.', '--min-score', '120'], /--min-score 120/],
    ['bad --min-pillar', ['audit', '.', '--min-pillar', 'speed=3'], /--min-pillar speed/],
    ['bad --fail-on', ['audit', '.', '--fail-on', 'urgent'], /--fail-on urgent/],
    ['bad --format', ['audit', '.', '--format', 'pdf'], /--format pdf/],
    ['unknown rule in --only', ['audit', '.', '--only', 'security/nope'], /--only security\/nope/],
    ['unknown command', ['frobnicate'], /unknown command/],
  ];
  for (const [name, args, message] of cases) {
    it(name, async () => {
      const r = await cli(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    });
  }

  it('an invalid config names the file and the key', async () => {
    const dir = tmp();
    writeFileSync(join(dir, '.readiness.yml'), 'minScore: 50\npillars:\n  security:\n    wieght: 2\n');
    const r = await cli(['audit', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('.readiness.yml');
    expect(r.stderr).toContain('pillars.security.wieght');
  });

  it('malformed YAML in the config is a usage error too', async () => {
    const dir = tmp();
    writeFileSync(join(dir, '.readiness.yml'), 'minScore: [1, 2\n');
    const r = await cli(['audit', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\.readiness\.yml: invalid YAML/);
  });

  it('a config rule that does not exist is named', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'readiness.config.json'), JSON.stringify({ rules: { 'security/made-up': 'off' } }));
    const r = await cli(['audit', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('rules.security/made-up');
  });
});

describe('config', () => {
  it('applies a discovered config: rules off, weights, minScore', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'src', 'index.py'), 'print("hi")\n');
    writeFileSync(
      join(dir, '.readiness.yml'),
      'minScore: 99\nrules:\n  operations/ci-pipeline: off\n  architecture/readme: { weight: 9 }\n',
    );
    const r = await cli(['audit', dir, '--format', 'json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    const ids = report.pillars.flatMap((p: { rules: { id: string }[] }) => p.rules.map((x) => x.id));
    expect(ids).not.toContain('operations/ci-pipeline');
    const readme = report.pillars[0].rules.find((x: { id: string }) => x.id === 'architecture/readme');
    expect(readme.weight).toBe(9);
    expect(report.gates.checks[0]).toMatchObject({ kind: 'min-score', expected: '>= 99' });
  });
});

describe('--output', () => {
  it('infers the format from the extension and leaves no temporary file', async () => {
    const dir = tmp();
    const out = join(dir, 'report.json');
    const r = await cli(['audit', fixture('bare-library'), '--output', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).schemaVersion).toBe(2);
    expect(readdirSync(dir)).toEqual(['report.json']);
    const md = join(dir, 'report.md');
    await cli(['audit', fixture('bare-library'), '-o', md]);
    expect(readFileSync(md, 'utf8')).toMatch(/^# Production readiness/);
  });

  it('a failed run never replaces a good report', async () => {
    const dir = tmp();
    const out = join(dir, 'report.json');
    writeFileSync(out, '{"good": true}');
    const r = await cli(['audit', '/nonexistent/x', '--output', out]);
    expect(r.code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('{"good": true}');
    expect(readdirSync(dir)).toEqual(['report.json']);
  });

  it('an output folder that does not exist is a usage error', async () => {
    const r = await cli(['audit', fixture('bare-library'), '--output', '/nonexistent/dir/r.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot write/);
    expect(existsSync('/nonexistent/dir/r.json')).toBe(false);
  });
});

describe('other commands', () => {
  it('rules lists every rule with pillar, severity and weight', async () => {
    const r = await cli(['rules', '--format', 'json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout);
    expect(rows).toContainEqual(expect.objectContaining({ id: 'security/no-committed-secrets', severity: 'critical' }));
  });

  it('explain describes a rule; an unknown one is exit 2', async () => {
    const r = await cli(['explain', 'operations/infrastructure-as-code']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('How it is detected');
    expect((await cli(['explain', 'nope/nothing'])).code).toBe(2);
  });

  it('schema prints JSON Schemas for the config and the report', async () => {
    const c = JSON.parse((await cli(['schema', 'config'])).stdout);
    expect(c.properties.minScore).toBeTruthy();
    expect(c.additionalProperties).toBe(false);
    const r = JSON.parse((await cli(['schema', 'report'])).stdout);
    expect(r.properties.pillars).toBeTruthy();
  });
});
