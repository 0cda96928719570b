/**
 * SARIF output, validated against the official SARIF 2.1.0 JSON schema. The schema comes from the
 * @microsoft/jest-sarif package (which ships it), not a copy in this repository.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AjvModule from 'ajv-draft-04';
import formatsModule from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reportSchema, type Report } from '../src/report/schema.js';
import { pathToUri, renderSarif } from '../src/render/sarif.js';
import { cli, fixture, ROOT } from './helpers/cli.js';

const require = createRequire(import.meta.url);
const schema = JSON.parse(
  readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'),
);
// The official schema is draft-04 and has one pattern that is not valid with the `u` flag.
// Both are CommonJS modules whose class/function is also their `default` export.
const Ajv = AjvModule.default;
const addFormats = formatsModule.default;
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);

function expectValid(log: unknown): void {
  const ok = validate(log);
  expect(ok ? [] : validate.errors?.slice(0, 5)).toEqual([]);
}

interface SarifLog {
  version: string;
  runs: {
    tool: {
      driver: {
        name: string;
        rules: {
          id: string;
          shortDescription: { text: string };
          fullDescription: { text: string };
          help: { text: string };
          defaultConfiguration: { level: string };
          properties: { tags: string[] };
        }[];
      };
    };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }[];
      suppressions?: { kind: string; justification: string }[];
    }[];
  }[];
}

async function sarifOf(dir: string, extra: string[] = []): Promise<SarifLog> {
  const r = await cli(['audit', dir, '--format', 'sarif', ...extra]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as SarifLog;
}

describe('--format sarif', () => {
  it('validates against the SARIF 2.1.0 schema and describes every rule of the report', async () => {
    const [log, json] = await Promise.all([
      sarifOf(fixture('python-fastapi')),
      cli(['audit', fixture('python-fastapi'), '--format', 'json']),
    ]);
    expectValid(log);
    const report = JSON.parse(json.stdout) as Report;
    const run = log.runs[0]!;
    expect(log.runs).toHaveLength(1);
    expect(run.tool.driver.name).toBe('readiness');
    const ruleIds = report.pillars.flatMap((p) => p.rules.map((r) => r.id));
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(ruleIds);
    const secrets = run.tool.driver.rules.find((r) => r.id === 'security/no-committed-secrets')!;
    expect(secrets.defaultConfiguration.level).toBe('error'); // critical
    expect(secrets.properties.tags).toContain('security');
    expect(secrets.help.text).toContain('Revoke and rotate');
    // One result per failed or partial rule, each pointing at its descriptor.
    const failing = report.pillars
      .flatMap((p) => p.rules)
      .filter((r) => r.outcome === 'fail' || r.outcome === 'partial');
    expect(failing.length).toBeGreaterThan(0);
    expect(run.results.map((r) => r.ruleId).sort()).toEqual(failing.map((r) => r.id).sort());
    for (const res of run.results) {
      expect(run.tool.driver.rules[res.ruleIndex]!.id).toBe(res.ruleId);
      expect(res.locations.length).toBeGreaterThan(0);
    }
  });

  it('maps severity to level (a partial result is a warning at most) and cites file and line from the evidence', async () => {
    const json = JSON.parse((await cli(['audit', fixture('python-fastapi'), '--format', 'json'])).stdout) as Report;
    const log = await sarifOf(fixture('python-fastapi'));
    const rules = json.pillars.flatMap((p) => p.rules);
    const levels = { critical: 'error', high: 'error', medium: 'warning', low: 'note' } as const;
    const partialHigh = rules.filter((r) => r.outcome === 'partial' && levels[r.severity] === 'error');
    expect(partialHigh.length).toBeGreaterThan(0); // the fixture exercises the cap
    for (const res of log.runs[0]!.results) {
      const rule = rules.find((r) => r.id === res.ruleId)!;
      const level = levels[rule.severity];
      expect(res.level).toBe(rule.outcome === 'partial' && level === 'error' ? 'warning' : level);
      const lined = rule.evidence.find((e) => e.path !== '.' && e.line);
      if (lined) {
        expect(res.locations[0]!.physicalLocation.artifactLocation.uri).toBe(pathToUri(lined.path));
      }
    }
    const withLine = log.runs[0]!.results.flatMap((r) => r.locations).find((l) => l.physicalLocation.region);
    expect(withLine?.physicalLocation.region?.startLine).toBeGreaterThan(0);
  });

  it('stays valid for hostile file names: spaces, pipes, colons, percent signs, newlines, non-ASCII', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'readiness-sarif-'));
    const names = ['conf dir/a|b.env', 'c:d/ünïcødé %41.yml', 'weird\nname.txt', "q'(x)*!#?.ini"];
    for (const name of names) {
      const full = join(dir, name);
      mkdirSync(join(full, '..'), { recursive: true });
      writeFileSync(full, 'aws_key = AKIAZ7Q4X2M9LW3R8T5P\n');
    }
    const log = await sarifOf(dir);
    expectValid(log);
    const secrets = log.runs[0]!.results.find((r) => r.ruleId === 'security/no-committed-secrets')!;
    const uris = [...new Set(secrets.locations.map((l) => l.physicalLocation.artifactLocation.uri))].sort();
    expect(uris).toEqual(names.map(pathToUri).sort());
    for (const u of uris) expect(decodeURIComponent(u)).toSatisfy((p: string) => names.includes(p));
    expect(uris).toContain('conf%20dir/a%7Cb.env');
    expect(uris).toContain('weird%0Aname.txt');
    // A lone surrogate (only possible in a hand-edited report) must not make encoding throw.
    expect(pathToUri('a/\uD800b')).toBe('a/%EF%BF%BDb');
    expect(uris).toContain('q%27%28x%29%2A%21%23%3F.ini');
  });

  it('a repository-level finding is shown on the file that best shows the gap, never on a directory; suppressed ones carry their reason', async () => {
    const out = await cli(['audit', fixture('bare-library'), '--format', 'json']);
    const report = reportSchema.parse(JSON.parse(out.stdout)) as Report;
    // Rewrite one result so it fails with only repository-level evidence and is suppressed.
    const rule = report.pillars.flatMap((p) => p.rules).find((r) => r.id === 'operations/ci-pipeline')!;
    rule.outcome = 'fail';
    rule.evidence = [{ path: '.', note: 'no workflow in 12 files' }];
    rule.suppressed = { reason: 'CI lives in another system | see wiki\nline two' };
    const log = JSON.parse(renderSarif(report)) as SarifLog;
    expectValid(log);
    const res = log.runs[0]!.results.find((r) => r.ruleId === 'operations/ci-pipeline')!;
    // No CI file in this fixture: the root manifest, where a build would be declared.
    const manifest = report.repository.manifests.map((m) => m.path).sort((a, b) => a.length - b.length)[0]!;
    expect(res.locations).toHaveLength(1);
    expect(res.locations[0]!.physicalLocation.artifactLocation.uri).toBe(pathToUri(manifest));
    expect((res.locations[0] as { message?: { text: string } }).message?.text).toBe(
      'whole repository: no workflow in 12 files',
    );
    expect(res.suppressions).toEqual([
      { kind: 'external', status: 'accepted', justification: 'CI lives in another system | see wiki\nline two' },
    ]);
  });

  it('every result of every fixture has a file location GitHub accepts; CI gaps point at the CI file', async () => {
    const fixtures = readdirSync(join(ROOT, 'fixtures'), { withFileTypes: true }).filter((d) => d.isDirectory());
    for (const { name } of fixtures) {
      const log = await sarifOf(fixture(name), ['--no-plugins']);
      for (const res of log.runs[0]!.results) {
        expect(res.locations.length, `${name} ${res.ruleId}`).toBeGreaterThan(0);
        for (const l of res.locations) expect(l.physicalLocation.artifactLocation.uri, name).not.toMatch(/^\.?$/);
      }
    }
    const node = await sarifOf(fixture('node-service'));
    const deploy = node.runs[0]!.results.find((r) => r.ruleId === 'operations/continuous-deployment')!;
    expect(deploy.locations.map((l) => l.physicalLocation.artifactLocation.uri)).toEqual(['.github/workflows/ci.yml']);
  });

  it('any path, snippet and note still gives a valid log (property)', async () => {
    const out = await cli(['audit', fixture('bare-library'), '--format', 'json']);
    const base = reportSchema.parse(JSON.parse(out.stdout)) as Report;
    const segment = fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }).filter((s) => !s.includes('/'));
    const evidence = fc.record({
      path: fc.array(segment, { minLength: 1, maxLength: 4 }).map((segs) => segs.join('/')),
      line: fc.option(fc.integer({ min: 1, max: 1e6 }), { nil: undefined }),
      snippet: fc.option(fc.string({ unit: 'binary' }), { nil: undefined }),
      note: fc.option(fc.string({ unit: 'binary' }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(evidence, { minLength: 1, maxLength: 5 }), fc.string({ unit: 'binary' }), (ev, message) => {
        const report = structuredClone(base);
        const target = report.pillars[0]!.rules[0]!;
        target.outcome = 'partial';
        target.message = message;
        target.evidence = ev.map((e) =>
          Object.fromEntries(Object.entries(e).filter(([, v]) => v !== undefined)),
        ) as typeof target.evidence;
        const log = JSON.parse(renderSarif(report)) as SarifLog;
        if (!validate(log)) throw new Error(JSON.stringify(validate.errors?.slice(0, 3)));
        const uris = log.runs[0]!.results.find((r) => r.ruleId === target.id)!.locations.map(
          (l) => l.physicalLocation.artifactLocation.uri,
        );
        expect(uris.length).toBeGreaterThan(0);
        for (const u of uris) expect(u !== '.' && /^[A-Za-z0-9%._~/-]+$/.test(u)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('--output x.sarif infers the format', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'readiness-sarif-out-'));
    const r = await cli(['audit', fixture('node-service'), '--output', join(dir, 'readiness.sarif')]);
    expect(r.code).toBe(0);
    const log = JSON.parse(readFileSync(join(dir, 'readiness.sarif'), 'utf8'));
    expect(log.version).toBe('2.1.0');
    expectValid(log);
  });
});
