import { describe, expect, it } from 'vitest';
import { memoryIndex, type Tree } from '../../testing/memory.js';
import type { ToolKind } from '../../types.js';
import { commandGraph, describeChain, runsOf } from './index.js';

function chains(tree: Tree, kind: ToolKind): string[] {
  const g = commandGraph(memoryIndex(tree));
  return runsOf(g, kind, 'ci').map((r) => describeChain(r, r.tools.find((t) => t.kinds.includes(kind))?.name));
}

const gha = (steps: string) =>
  `on: push\njobs:\n  ci:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n${steps}`;

const QUICKTEST = [
  'import sys',
  'import django',
  'from django.conf import settings',
  '',
  'class QuickTest:',
  '    def run(self, labels):',
  '        settings.configure(INSTALLED_APPS=["shop"])',
  '        django.setup()',
  '        from django.test.runner import DiscoverRunner',
  '',
  '        runner = DiscoverRunner(verbosity=1)',
  '        failures = runner.run_tests(labels)',
  '        sys.exit(bool(failures))',
  '',
  'if __name__ == "__main__":',
  '    QuickTest().run(sys.argv[1:] or ["."])',
  '',
].join('\n');

describe('command graph: round 18 CI commands', () => {
  it('a repository script run under a runner (`uv run --no-sync coverage run quicktest.py`) that starts the Django test runner is a test run', () => {
    const tree: Tree = {
      '.github/workflows/ci.yml': gha(
        '      - run: |\n          cd ${GITHUB_WORKSPACE} && uv run --no-sync coverage run quicktest.py\n      - run: python -m coverage run tools/seed.py\n      - run: coverage run --rcfile .coveragerc -p quicktest.py --verbosity 2\n',
      ),
      'quicktest.py': QUICKTEST,
      '.coveragerc': '[run]\nsource = shop\n',
      'tools/seed.py': 'import json\nprint(json.dumps({"rows": 3}))\n',
    };
    expect(chains(tree, 'test')).toEqual([
      '.github/workflows/ci.yml:8 → quicktest.py:11 → Django tests',
      '.github/workflows/ci.yml:10 → quicktest.py:11 → Django tests',
    ]);
  });

  it('`make checkformat` whose recipe runs `uv tool run ruff check` and `uv tool run ruff format --check` lints and checks formatting', () => {
    const tree: Tree = {
      '.github/workflows/ci.yml': gha('      - name: Lint\n        run: |\n          make checkformat\n'),
      Makefile: [
        '#: format - fix formatting',
        '.PHONY: format',
        'format:',
        '\tuv tool run ruff check --fix # Fix linting errors',
        '\tuv tool run ruff format # fix formatting errors',
        '',
        '#: checkformat - checks formatting',
        '.PHONY: checkformat',
        'checkformat:',
        '\tuv tool run ruff check # linting check',
        '\tuv tool run ruff format --check # format check',
        '',
      ].join('\n'),
    };
    expect(chains(tree, 'lint')).toEqual(['.github/workflows/ci.yml:9 → Makefile:10 (make checkformat) → Ruff']);
    expect(chains(tree, 'format')).toEqual([
      '.github/workflows/ci.yml:9 → Makefile:11 (make checkformat) → Ruff format',
    ]);
  });
  it('a package runner names a package, pinned or not: `uvx ruff@0.6.0`, `uvx black==24.1.0`, `npx prettier@3.3.0`, `pnpm dlx @biomejs/biome@1.9.0`', () => {
    const tree: Tree = {
      '.github/workflows/ci.yml': gha('      - run: make style\n'),
      Makefile: [
        'style:',
        '\t@uvx ruff@0.6.0 format --diff .',
        '\t-uvx black==24.1.0 --check .',
        '\tnpx prettier@3.3.0 --check .',
        '\tpnpm dlx @biomejs/biome@1.9.0 lint .',
        '',
      ].join('\n'),
    };
    expect(chains(tree, 'format')).toEqual([
      '.github/workflows/ci.yml:7 → Makefile:2 (make style) → Ruff format',
      '.github/workflows/ci.yml:7 → Makefile:3 (make style) → Black',
      '.github/workflows/ci.yml:7 → Makefile:4 (make style) → Prettier',
    ]);
    expect(chains(tree, 'lint')).toEqual(['.github/workflows/ci.yml:7 → Makefile:5 (make style) → Biome']);
  });
  it('a Python or JS script CI runs is followed to the commands it starts with literal words (subprocess, spawn, exec)', () => {
    const tree: Tree = {
      '.github/workflows/ci.yml': gha(
        '      - run: python scripts/check.py\n      - run: node scripts/test.mjs\n      - run: npx tsx scripts/lint.ts\n      - run: python scripts/release.py\n',
      ),
      'scripts/check.py': [
        'import subprocess',
        'import sys',
        '',
        'def main():',
        '    subprocess.run(["ruff", "check", "."], check=True)',
        '    subprocess.check_call([sys.executable, "-m", "mypy", "src"])',
        '',
        'main()',
        '',
      ].join('\n'),
      'scripts/test.mjs': [
        "import { spawnSync } from 'node:child_process';",
        '',
        "const r = spawnSync('vitest', ['run', '--reporter=dot'], { stdio: 'inherit' });",
        'process.exit(r.status ?? 1);',
        '',
      ].join('\n'),
      'scripts/lint.ts':
        "import { execSync } from 'node:child_process';\n\nexecSync('eslint . --max-warnings 0', { stdio: 'inherit' });\n",
      // A command line built from variables is out of reach: nothing is guessed.
      'scripts/release.py': 'import subprocess\nimport sys\n\ncmd = sys.argv[1:]\nsubprocess.run(cmd, check=True)\n',
    };
    expect(chains(tree, 'lint')).toEqual([
      '.github/workflows/ci.yml:7 → scripts/check.py:5 → Ruff',
      '.github/workflows/ci.yml:9 → scripts/lint.ts:3 → ESLint',
    ]);
    expect(chains(tree, 'typecheck')).toEqual(['.github/workflows/ci.yml:7 → scripts/check.py:6 → mypy']);
    expect(chains(tree, 'test')).toEqual(['.github/workflows/ci.yml:8 → scripts/test.mjs:3 → Vitest']);
  });
});
