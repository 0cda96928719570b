/**
 * Blind round 29, class 4: tools missing from the catalogues. Mago (a PHP formatter and linter run as
 * `mago format --check` from a composer script), Vite+ (`vp check` formats and lints; `vp staged` from
 * a .vite-hooks/pre-commit installed by `"prepare": "vp config"`) and the rustfmt check actions.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import formatting from './quality/formatting.js';
import linting from './quality/linting.js';
import preCommitHooks from './quality/pre-commit-hooks.js';

const workflow = (steps: string[]) =>
  [
    'on: push',
    'jobs:',
    '  lint:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    ...steps.map((s) => `      - ${s}`),
  ].join('\n');

const laravel = {
  'composer.json':
    '{\n  "require": {"laravel/framework": "^11.0"},\n  "scripts": {\n    "cs": "mago format --check",\n    "lint": "mago lint"\n  }\n}\n',
  'mago.toml': 'php-version = "8.3.0"\n\n[formatter]\npreset = "default"\n',
  'app/Models/User.php': '<?php\nnamespace App\\Models;\nclass User {}\n',
  'package.json': '{"scripts":{"prepare":"vp config"},"devDependencies":{"vite-plus":"0.2.0"}}',
  'vite.config.ts': [
    "import { defineConfig } from 'vite-plus'",
    '',
    'export default defineConfig({',
    '  staged: {',
    "    '**/*.php': ['composer cs'],",
    "    'resources/**/*.{ts,vue}': ['vp check --fix'],",
    '  },',
    '  fmt: { semi: false },',
    '})',
  ].join('\n'),
  'resources/app.ts': 'export const x = 1;\n',
  '.vite-hooks/pre-commit': 'vp staged\n',
  '.github/workflows/lint.yml': workflow([
    'uses: actions/checkout@v4',
    'run: composer cs',
    'run: pnpm exec vp check resources',
    'run: composer lint',
  ]),
};

describe('tools of round 29 in the catalogues', () => {
  it('Mago and Vite+ format and lint, checked in CI', async () => {
    const f = await runRuleOn(formatting, laravel, { profile: 'service' });
    expect(f.outcome).toBe('pass');
    expect(f.message).toMatch(/Mago/);
    expect(f.evidence.map((e) => `${e.path}:${e.line ?? ''}`)).toContain('.github/workflows/lint.yml:8');
    const l = await runRuleOn(linting, laravel, { profile: 'service' });
    expect(l.outcome).toBe('pass');
    expect(l.message).toMatch(/Mago lint/);
    // `mago format` without --check rewrites the files in CI: configured, not checked.
    const writes = {
      ...laravel,
      'composer.json': laravel['composer.json'].replace('mago format --check', 'mago format'),
      '.github/workflows/lint.yml': workflow(['uses: actions/checkout@v4', 'run: composer cs']),
      'package.json': '{}',
    };
    const w = await runRuleOn(formatting, writes, { profile: 'service' });
    expect(w.message).toMatch(/not checked in CI/);
  });

  it('a .vite-hooks/pre-commit running `vp staged` runs the staged block’s commands', async () => {
    const h = await runRuleOn(preCommitHooks, laravel, { profile: 'service' });
    expect(h.outcome).toBe('pass');
    expect(h.message).toMatch(/Vite\+/);
    expect(h.evidence.some((e) => /vp staged \*\*\/\*\.php/.test(e.note ?? ''))).toBe(true);
    // A staged block that runs nothing known: the hook manager is there, no check.
    const idle = { ...laravel, 'vite.config.ts': laravel['vite.config.ts'].replace(/\['[^\]]*'\]/g, "['echo ok']") };
    expect((await runRuleOn(preCommitHooks, idle, { profile: 'service' })).outcome).toBe('partial');
  });

  it('the rustfmt check action is a formatting check in CI', async () => {
    const rust = {
      'Cargo.toml': '[package]\nname = "svc"\n',
      'src/main.rs': 'fn main() {}\n',
      'rustfmt.toml': 'edition = "2021"\n',
      '.github/workflows/fmt.yml': workflow([
        'uses: actions/checkout@v4',
        'uses: actions-rust-lang/setup-rust-toolchain@v1',
        'uses: actions-rust-lang/rustfmt@v1',
      ]),
    };
    const f = await runRuleOn(formatting, rust, { profile: 'service' });
    expect(f.message).toMatch(/checked in CI/);
    const setupOnly = {
      ...rust,
      '.github/workflows/fmt.yml': workflow([
        'uses: actions/checkout@v4',
        'uses: actions-rust-lang/setup-rust-toolchain@v1',
      ]),
    };
    expect((await runRuleOn(formatting, setupOnly, { profile: 'service' })).message).toMatch(/not checked in CI/);
  });
});
