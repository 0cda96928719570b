import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../cli/index.js';
import { pluginRules } from './plugins.js';
import { builtins } from '../../test/helpers/builtins.js';

const fixture = join(import.meta.dirname, '..', '..', 'fixtures', 'arch-plugin');

async function audit(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(
    ['audit', ...args, '--format', 'json'],
    {
      stdout: (s) => (stdout += s),
      stderr: (s) => (stderr += s),
      isTTY: false,
      env: {},
    },
    builtins,
  );
  return { code, stderr, report: stdout ? JSON.parse(stdout) : undefined };
}
const ruleIds = (report: { pillars: { rules: { id: string }[] }[] }) =>
  report.pillars.flatMap((p) => p.rules.map((r) => r.id));

describe('plugins and custom rules through the audit command', () => {
  it('a config discovered in the audited tree runs its custom rules but not its plugins', async () => {
    const { code, report } = await audit([fixture]);
    expect(code).toBe(0);
    expect(ruleIds(report)).toContain('operations/acme-runbook');
    expect(ruleIds(report)).not.toContain('operations/changelog');
    expect(report.notes.join('\n')).toContain(
      'plugins named by .readiness.yml in the audited tree were not loaded: ./tools/readiness-rules.mjs (pass --allow-plugins',
    );
    const custom = report.pillars
      .find((p: { id: string }) => p.id === 'operations')
      .rules.find((r: { id: string }) => r.id === 'operations/acme-runbook');
    expect(custom).toMatchObject({ outcome: 'pass', weight: 4, severity: 'medium' });
    expect(custom.evidence).toContainEqual(expect.objectContaining({ path: 'docs/runbook.md', line: 3 }));
  });

  it('--allow-plugins loads them; their rules are reported as <pillar>/<id> with evidence', async () => {
    const { report } = await audit([fixture, '--allow-plugins']);
    const rule = report.pillars
      .find((p: { id: string }) => p.id === 'operations')
      .rules.find((r: { id: string }) => r.id === 'operations/changelog');
    expect(rule).toMatchObject({
      outcome: 'pass',
      weight: 2,
      evidence: [{ path: 'CHANGELOG.md', line: 3, snippet: '## 1.2.0' }],
    });
    expect(report.notes).toContain('plugin ./tools/readiness-rules.mjs: 1 rule(s)');
  });

  it('a config named with --config is trusted; --no-plugins overrides everything', async () => {
    const trusted = await audit([fixture, '--config', join(fixture, '.readiness.yml')]);
    expect(ruleIds(trusted.report)).toContain('operations/changelog');
    const off = await audit([fixture, '--config', join(fixture, '.readiness.yml'), '--allow-plugins', '--no-plugins']);
    expect(ruleIds(off.report)).not.toContain('operations/changelog');
    expect(off.report.notes.join('\n')).toContain('plugins not loaded (--no-plugins)');
  });

  it('an invalid custom pattern exits 2 with one line naming the key, before any plugin loads', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'readiness-custom-'));
    writeFileSync(
      join(dir, '.readiness.yml'),
      'plugins: ["./missing.mjs"]\ncustom:\n  - id: bad\n    pillar: quality\n    title: Bad\n    require:\n      contains: { files: ["**/*.py"], pattern: "(unclosed" }\n',
    );
    const { code, stderr } = await audit([dir, '--allow-plugins']);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(
      /^readiness: \.readiness\.yml: custom\[0\]\.require\.contains\.pattern: invalid regular expression/,
    );
  });

  it('a plugin that cannot be loaded or exports the wrong shape is a usage error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'readiness-plugin-'));
    writeFileSync(join(dir, 'bad.mjs'), "export default [{ pillar: 'speed', weight: 1, rule: {} }];\n");
    writeFileSync(join(dir, 'cfg.yml'), 'plugins: ["./bad.mjs"]\n');
    const bad = await audit([dir, '--config', join(dir, 'cfg.yml')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('plugin ./bad.mjs: rules[0].pillar: expected one of architecture');
    writeFileSync(join(dir, 'cfg.yml'), 'plugins: ["./nope.mjs", "@acme/not-installed-anywhere"]\n');
    const missing = await audit([dir, '--config', join(dir, 'cfg.yml')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('plugin ./nope.mjs: cannot load');
  });
});

describe('plugin rule options', () => {
  it('are validated by the schema the plugin declares, whatever library made it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'readiness-plugin-options-'));
    // A hand-written schema with zod's safeParse shape: plugins need not depend on zod.
    writeFileSync(
      join(dir, 'p.mjs'),
      `const options = {
  safeParse(v) {
    for (const k of Object.keys(v)) if (k !== 'max') return { success: false, error: { issues: [{ code: 'unrecognized_keys', keys: [k], path: [], message: 'x' }] } };
    if (v.max !== undefined && typeof v.max !== 'number') return { success: false, error: { issues: [{ path: ['max'], message: 'Expected a number' }] } };
    return { success: true, data: { max: v.max ?? 3 } };
  },
};
export default [{ pillar: 'quality', weight: 1, rule: {
  meta: { id: 'sized', title: 'T', failureTitle: 'F', description: 'D', remediation: 'R', severity: 'low', effort: 'low', options },
  check: (ctx) => ({ outcome: ctx.options.max === 5 ? 'pass' : 'fail', message: 'max ' + ctx.options.max, evidence: [{ path: '.' }] }),
} }];
`,
    );
    const config = (options: string) => {
      writeFileSync(join(dir, 'cfg.yml'), `plugins: ["./p.mjs"]\nrules:\n  quality/sized: { options: ${options} }\n`);
      return audit([dir, '--config', join(dir, 'cfg.yml'), '--only', 'quality/sized']);
    };
    const ok = await config('{ max: 5 }');
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.report.pillars[1].rules[0]).toMatchObject({ id: 'quality/sized', outcome: 'pass', message: 'max 5' });
    const typo = await config('{ maks: 5 }');
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe('readiness: config rules.quality/sized.options.maks: unknown option\n');
    const wrong = await config('{ max: "five" }');
    expect(wrong.stderr).toBe('readiness: config rules.quality/sized.options.max: expected a number\n');
  });

  it('a declared options value that is not a schema is refused when the plugin loads', () => {
    const rule = {
      meta: {
        id: 'x',
        title: 'T',
        failureTitle: 'F',
        description: 'D',
        remediation: 'R',
        severity: 'low',
        effort: 'low',
      },
      check: () => ({ outcome: 'pass', message: 'ok', evidence: [] }),
    };
    const bad = { ...rule, meta: { ...rule.meta, options: { max: 3 } } };
    expect(() => pluginRules({ default: [{ pillar: 'quality', weight: 1, rule: bad }] }, 'plugin p')).toThrow(
      'plugin p: rules[0].rule.meta.options: expected a schema with safeParse() (a zod object)',
    );
  });
});

describe('plugin export shapes', () => {
  const rule = {
    meta: {
      id: 'x-rule',
      title: 'T',
      failureTitle: 'F',
      description: 'D',
      remediation: 'R',
      severity: 'low',
      effort: 'low',
    },
    check: () => ({ outcome: 'pass', message: 'ok', evidence: [] }),
  };
  it('accepts a default array, a named `rules` array, or { rules }', () => {
    for (const mod of [
      { default: [{ pillar: 'quality', weight: 1, rule }] },
      { rules: [{ pillar: 'quality', weight: 1, rule }] },
      { default: { name: 'p', rules: [{ pillar: 'quality', weight: 1, rule }] } },
    ]) {
      expect(pluginRules(mod, 'plugin p').map((r) => `${r.pillar}/${r.rule.meta.id}`)).toEqual(['quality/x-rule']);
    }
  });
  it('names the missing field of a malformed rule', () => {
    expect(() =>
      pluginRules(
        { default: [{ pillar: 'quality', weight: 1, rule: { ...rule, meta: { ...rule.meta, remediation: '' } } }] },
        'plugin p',
      ),
    ).toThrow('plugin p: rules[0].rule.meta.remediation: expected a non-empty string');
    expect(() => pluginRules({ default: [{ pillar: 'quality', weight: 200, rule }] }, 'plugin p')).toThrow(
      'rules[0].weight',
    );
    expect(() => pluginRules({}, 'plugin p')).toThrow('expected a default export');
  });
});
