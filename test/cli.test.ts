/** Exit codes, gates, errors and atomic output: in process, and through the built launcher. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../src/report/schema.js';
import { fsReason } from '../src/util/fs-errors.js';
import { cli, fixture, spawnCli } from './helpers/cli.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'readiness-cli-'));

describe('exit codes and gates', () => {
  it('exits 0 and prints the pillar table for a plain audit (the built launcher, as a user runs it)', async () => {
    const r = await spawnCli(['audit', fixture('node-service')]);
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

  it('a config rule that does not exist is named, with the nearest id', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'readiness.config.json'), JSON.stringify({ rules: { 'security/made-up': 'off' } }));
    const r = await cli(['audit', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('rules.security/made-up');
    writeFileSync(join(dir, 'readiness.config.json'), JSON.stringify({ rules: { 'security/lisence': 'off' } }));
    expect((await cli(['audit', dir])).stderr).toContain('(did you mean security/license?)');
  });

  const options: [string, object, RegExp][] = [
    [
      'a rule option of the wrong type',
      { 'quality/tests-present': { options: { minRatio: 'lots' } } },
      /rules\.quality\/tests-present\.options\.minRatio: invalid input: expected number, received string/,
    ],
    [
      'a misspelt rule option',
      { 'quality/tests-present': { options: { minRation: 0.5 } } },
      /rules\.quality\/tests-present\.options\.minRation: unknown option \(did you mean minRatio\?\)/,
    ],
    [
      'an option out of range',
      { 'quality/coverage-gate': { options: { minPercent: 150 } } },
      /rules\.quality\/coverage-gate\.options\.minPercent: too big/,
    ],
    [
      'options for a rule that takes none',
      { 'security/license': { options: { strict: true } } },
      /rules\.security\/license\.options\.strict: this rule takes no options/,
    ],
  ];
  for (const [name, rules, message] of options) {
    it(`${name} is exit 2 naming the key`, async () => {
      const dir = tmp();
      writeFileSync(join(dir, 'readiness.config.json'), JSON.stringify({ rules }));
      const r = await cli(['audit', dir]);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    });
  }

  it('valid rule options take effect', async () => {
    const dir = tmp();
    const tree = { 'src/a.py': 'x = 1\n', 'src/b.py': 'y = 2\n', 'tests/test_a.py': 'def test_a():\n    pass\n' };
    for (const [p, c] of Object.entries(tree)) {
      mkdirSync(join(dir, p, '..'), { recursive: true });
      writeFileSync(join(dir, p), c);
    }
    const outcome = async (minRatio: number) => {
      writeFileSync(
        join(dir, 'readiness.config.json'),
        JSON.stringify({ rules: { 'quality/tests-present': { options: { minRatio } } } }),
      );
      const report = JSON.parse((await cli(['audit', dir, '--format', 'json', '--only', 'quality'])).stdout);
      return report.pillars[1].rules.find((x: { id: string }) => x.id === 'quality/tests-present').outcome;
    };
    expect(await outcome(0.4)).toBe('pass');
    expect(await outcome(0.9)).toBe('partial');
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

  it('an output folder that does not exist is a usage error that says so in words', async () => {
    const r = await cli(['audit', fixture('bare-library'), '--output', '/nonexistent/dir/r.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('readiness: cannot write /nonexistent/dir/r.json: directory /nonexistent/dir does not exist');
    expect(existsSync('/nonexistent/dir/r.json')).toBe(false);
    const dir = tmp();
    const onDir = await cli(['audit', fixture('bare-library'), '--output', dir, '--format', 'json']);
    expect(onDir.stderr).toBe(`readiness: cannot write ${dir}: it is a directory`);
  });

  it('file-system errors read as words, whatever the code', () => {
    const err = (code: string) => Object.assign(new Error(`${code}: boom, open 'x'`), { code });
    expect(fsReason(err('EROFS'), '/mnt/r.json', 'write')).toBe('read-only file system');
    expect(fsReason(err('EACCES'), '/root/r.json', 'write')).toBe('permission denied');
    expect(fsReason(err('ENOSPC'), 'r.json', 'write')).toBe('no space left on the device');
    expect(fsReason(err('ENOENT'), 'out/r.json', 'write')).toBe('directory out does not exist');
    expect(fsReason(err('ENOENT'), 'base.json', 'read')).toBe('no such file or directory');
    expect(fsReason(err('EWHATEVER'), 'x', 'read')).toBe('boom');
  });

  const extensions: [string, string, RegExp][] = [
    [
      'report.pdf',
      'an unknown extension',
      /--output .*report\.pdf: \.pdf is not a report format; name it .*\.json, .*or give --format/,
    ],
    ['report', 'no extension', /--output .*report: no extension to tell the format from/],
  ];
  for (const [file, what, message] of extensions) {
    it(`${what} is a usage error unless --format is given`, async () => {
      const dir = tmp();
      const out = join(dir, file);
      const r = await cli(['audit', fixture('bare-library'), '-o', out]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(readdirSync(dir)).toEqual([]);
      const given = await cli(['audit', fixture('bare-library'), '-o', out, '--format', 'json']);
      expect(given.code).toBe(0);
      expect(JSON.parse(readFileSync(out, 'utf8')).schemaVersion).toBe(SCHEMA_VERSION);
    });
  }

  it('render re-renders a saved report for the terminal, one screen or --verbose, at the terminal width', async () => {
    const saved = join(tmp(), 'r.json');
    await cli(['audit', fixture('node-service'), '-o', saved]);
    const screen = await cli(['render', saved, '--format', 'terminal'], { columns: 120 });
    expect(screen.stdout).toBe((await cli(['audit', fixture('node-service')], { columns: 120 })).stdout);
    const all = await cli(['render', saved, '--format', 'terminal', '--verbose']);
    expect(all.stdout).toContain('What to fix');
  });

  it('render and verify refuse an --output they cannot name a format for', async () => {
    const dir = tmp();
    const saved = join(dir, 'r.json');
    await cli(['audit', fixture('bare-library'), '-o', saved]);
    const r = await cli(['render', saved, '-o', join(dir, 'r.docx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\.docx is not a report format/);
    writeFileSync(join(dir, 'DOC.md'), '# Readiness\n\n- ✅ CI pipeline\n');
    const v = await cli(['verify', join(dir, 'DOC.md'), fixture('bare-library'), '-o', join(dir, 'v.pdf')]);
    expect(v.code).toBe(2);
    expect(v.stderr).toMatch(/\.pdf is not a format verify writes/);
  });
});

describe('other commands', () => {
  it('rules lists every rule with pillar, severity and weight', async () => {
    const r = await cli(['rules', '--format', 'json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout);
    expect(rows).toContainEqual(expect.objectContaining({ id: 'security/no-committed-secrets', severity: 'critical' }));
  });

  it('explain describes a rule and its options; an unknown one is exit 2 with the nearest id', async () => {
    const r = await cli(['explain', 'operations/infrastructure-as-code']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('How it is detected');
    expect(r.stdout).not.toContain('Options');
    const options = await cli(['explain', 'architecture/module-size']);
    expect(options.stdout).toMatch(/Options\n.*\n {2}partialAbove: integer > 0, default 1000 — /);
    expect(options.stdout).toMatch(/ {2}failAbove: integer > 0, default 2000 — /);
    const coverage = await cli(['explain', 'coverage-gate']);
    expect(coverage.stdout).toMatch(/ {2}minPercent: number ≥ 0, ≤ 100, default 80 — /);
    expect((await cli(['explain', 'nope/nothing'])).code).toBe(2);
    for (const typo of ['quality/tests-presnt', 'tests-presnt']) {
      const t = await cli(['explain', typo]);
      expect(t.code).toBe(2);
      expect(t.stderr).toBe(
        `readiness: unknown rule ${typo} (did you mean quality/tests-present?); 'readiness rules' lists them`,
      );
    }
  });

  it('schema prints JSON Schemas for the config and the report', async () => {
    const c = JSON.parse((await cli(['schema', 'config'])).stdout);
    expect(c.properties.minScore).toBeTruthy();
    expect(c.additionalProperties).toBe(false);
    const r = JSON.parse((await cli(['schema', 'report'])).stdout);
    expect(r.properties.pillars).toBeTruthy();
  });
});
