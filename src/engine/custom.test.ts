import { describe, expect, it } from 'vitest';
import { customRule, customRules } from './custom.js';
import { withExtraRules } from './select.js';
import { runRuleOn } from '../testing/rule-tester.js';
import { parseConfigText } from '../config/load.js';
import { UsageError } from '../util/errors.js';
import { PILLARS } from '../../rules/index.js';

const rule = (require: object) =>
  customRule(
    parseConfigText(
      JSON.stringify({ custom: [{ id: 'acme/runbook', pillar: 'operations', title: 'Runbook exists', require }] }),
      'c.json',
    ).custom![0]!,
    'c.json: custom[0]',
  );

describe('declarative custom rules', () => {
  it('passes with evidence when every requirement holds', async () => {
    const run = await runRuleOn(
      rule({
        files: ['docs/runbook*.md'],
        contains: { files: ['docs/**/*.md'], pattern: '^Owner: \\S+' },
        dependencies: ['express'],
      }),
      {
        'docs/runbook.md': '# Runbook\n\nOwner: @team\n',
        'package.json': '{\n  "dependencies": {\n    "express": "4"\n  }\n}\n',
      },
    );
    expect(run.outcome).toBe('pass');
    expect(run.evidence).toContainEqual(
      expect.objectContaining({ path: 'docs/runbook.md', note: 'matches docs/runbook*.md' }),
    );
    expect(run.evidence).toContainEqual(
      expect.objectContaining({ path: 'docs/runbook.md', line: 3, snippet: 'Owner: @team' }),
    );
    expect(run.evidence).toContainEqual(
      expect.objectContaining({ path: 'package.json', line: 3, note: 'declares express' }),
    );
  });

  it('a contains pattern finds a licence header written as a comment in source files', async () => {
    const spdx = rule({ contains: { files: ['src/**/*.ts'], pattern: 'SPDX-License-Identifier: \\S+' } });
    const run = await runRuleOn(spdx, { 'src/app.ts': '// SPDX-License-Identifier: MIT\nexport const a = 1;\n' });
    expect(run.outcome).toBe('pass');
    const none = await runRuleOn(spdx, { 'src/app.ts': 'export const a = 1;\n' });
    expect(none.outcome).toBe('fail');
  });

  it('is partial when some requirements hold, naming what is missing', async () => {
    const run = await runRuleOn(
      rule({ files: ['docs/runbook*.md'], contains: { files: ['docs/**/*.md'], pattern: '^Owner:' } }),
      { 'docs/runbook.md': '# Runbook\n' },
    );
    expect(run.outcome).toBe('partial');
    expect(run.score).toBe(0.5);
    expect(run.message).toContain('missing /^Owner:/');
    expect(run.evidence).toContainEqual(
      expect.objectContaining({ path: '.', note: 'no match of /^Owner:/ in 1 file matching docs/**/*.md' }),
    );
  });

  it('fails when nothing holds and says what was looked for', async () => {
    const run = await runRuleOn(rule({ files: ['RUNBOOK.md'], dependencies: ['@acme/telemetry'] }), {
      'README.md': '# x\n',
    });
    expect(run.outcome).toBe('fail');
    expect(run.evidence).toEqual([
      { path: '.', note: 'no file matches RUNBOOK.md' },
      { path: '.', note: 'no manifest declares @acme/telemetry' },
    ]);
  });

  it('an invalid regular expression is a config error naming the key', () => {
    const config = parseConfigText(
      'custom:\n  - id: bad\n    pillar: quality\n    title: Bad\n    require:\n      contains: { files: ["**/*.py"], pattern: "([a-z" }\n',
      '.readiness.yml',
    );
    expect(() => customRules(config, '.readiness.yml')).toThrow(UsageError);
    expect(() => customRules(config, '.readiness.yml')).toThrow(
      /^\.readiness\.yml: custom\[0\]\.require\.contains\.pattern: invalid regular expression/,
    );
  });

  it('an empty require is a config error', () => {
    const config = parseConfigText(
      'custom:\n  - { id: empty, pillar: quality, title: Empty, require: {} }\n',
      '.readiness.yml',
    );
    expect(() => customRules(config, '.readiness.yml')).toThrow('custom[0].require: name at least one of');
  });

  it('joins its pillar after the built-ins, and may not reuse a built-in id', () => {
    const config = parseConfigText(
      'custom:\n  - { id: zz-last, pillar: architecture, title: Z, require: { files: [x] } }\n  - { id: aa-first, pillar: architecture, title: A, require: { files: [x] } }\n',
      'c.yml',
    );
    const merged = withExtraRules(PILLARS, customRules(config, 'c.yml'));
    const ids = merged.find((p) => p.id === 'architecture')!.rules.map((r) => r.rule.meta.id);
    expect(ids.slice(-2)).toEqual(['aa-first', 'zz-last']);
    const clash = parseConfigText(
      'custom:\n  - { id: readme, pillar: architecture, title: R, require: { files: [x] } }\n',
      'c.yml',
    );
    expect(() => withExtraRules(PILLARS, customRules(clash, 'c.yml'))).toThrow(
      'architecture/readme is already defined',
    );
  });
});
