/**
 * Round 21 (lydia-api): ktlint reads its rules from .editorconfig (`ktlint_code_style`,
 * `ktlint_standard_*` keys in a `[*.{kt,kts}]` section): those keys configure a formatter and a
 * linter; whether it is checked depends on what runs it (CI, Gradle plugin, commit hook).
 */
import { describe, expect, it } from 'vitest';
import formatting from './formatting.js';
import linting from './linting.js';
import { assertRun, runRuleOn, type Case } from '../../src/testing/rule-tester.js';
import type { Rule } from '../../src/types.js';
import type { Tree } from '../../src/testing/memory.js';

const cases = (rule: Rule, list: Case[]) =>
  describe(`rule ${rule.meta.id} with ktlint in .editorconfig`, () => {
    for (const c of list) it(c.name, async () => assertRun(await runRuleOn(rule, c.tree, c), c.expect));
  });

const editorconfig = [
  '[*.{kt,kts}]', // 1
  'indent_size = 4', // 2
  'indent_style = space', // 3
  'ktlint_code_style = ktlint_official', // 4
  'ktlint_standard_no-wildcard-imports = disabled', // 5
  'max_line_length = 140', // 6
  '',
].join('\n');

const base: Tree = {
  'settings.gradle.kts': 'rootProject.name = "ledger"\n',
  'build.gradle.kts': 'plugins { kotlin("jvm") version "2.0.0" }\n',
  'src/main/kotlin/org/example/Main.kt': 'package org.example\n\nfun main() {\n    println("ledger")\n}\n',
};

const ci = [
  'name: ci', // 1
  'on: [push]', // 2
  'jobs:', // 3
  '  lint:', // 4
  '    runs-on: ubuntu-latest', // 5
  '    steps:', // 6
  '      - uses: actions/checkout@v4', // 7
  '      - run: curl -sSLO https://github.com/pinterest/ktlint/releases/download/1.3.0/ktlint && chmod +x ktlint', // 8
  '      - run: ./ktlint "src/**/*.kt"', // 9
  '',
].join('\n');

cases(linting, [
  {
    name: 'ktlint_* keys in .editorconfig configure ktlint; nothing runs it: partial',
    profile: 'service',
    tree: { ...base, '.editorconfig': editorconfig },
    expect: {
      outcome: 'partial',
      message: 'ktlint configured, but no CI job runs it',
      evidence: [{ path: '.editorconfig', line: 4, note: 'ktlint configuration' }],
    },
  },
  {
    name: 'and run in CI it passes',
    profile: 'service',
    tree: { ...base, '.editorconfig': editorconfig, '.github/workflows/ci.yml': ci },
    expect: { outcome: 'pass', evidence: [{ path: '.editorconfig', line: 4 }] },
  },
  {
    name: 'an .editorconfig with whitespace keys only configures no linter',
    profile: 'service',
    tree: { ...base, '.editorconfig': editorconfig.replace(/ktlint_[^\n]*\n/g, '') },
    expect: { outcome: 'fail' },
  },
]);

cases(formatting, [
  {
    name: 'ktlint_* keys in .editorconfig configure ktlint as the formatter (named ktlint, not ktfmt)',
    profile: 'service',
    tree: { ...base, '.editorconfig': editorconfig },
    expect: {
      outcome: 'pass',
      message: 'ktlint configured, not checked in CI',
      evidence: [{ path: '.editorconfig', line: 4, note: expect.stringContaining('configuration') }],
      absent: ['ktfmt configured'],
    },
  },
  {
    name: 'whitespace keys alone stay partial',
    profile: 'service',
    tree: { ...base, '.editorconfig': editorconfig.replace(/ktlint_[^\n]*\n/g, '') },
    expect: { outcome: 'partial', message: 'no formatter lays out the code' },
  },
]);
