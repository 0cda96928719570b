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

describe('command graph: round 16 CI commands', () => {
  it('`composer phpstan` runs the Composer script, whose `php -d memory_limit=1G vendor/bin/phpstan` is PHPStan', () => {
    const tree: Tree = {
      '.github/workflows/ci.yml': gha('      - run: composer phpstan\n      - run: composer run-script test\n'),
      'composer.json':
        '{\n  "name": "acme/shop",\n  "scripts": {\n    "phpstan": "php -d memory_limit=1G vendor/bin/phpstan analyse src --level 5",\n    "test": ["@php -dxdebug.mode=coverage vendor/bin/phpunit"]\n  }\n}\n',
    };
    expect(chains(tree, 'lint')).toEqual(['.github/workflows/ci.yml:7 → composer.json:4 (composer script phpstan) → PHPStan']);
    expect(chains(tree, 'test')).toEqual(['.github/workflows/ci.yml:8 → composer.json:5 (composer script test) → PHPUnit']);
  });

  it('symfonycorp/security-checker-action and `symfony check:security` scan composer.lock for advisories', () => {
    const tree: Tree = {
      '.github/workflows/ci.yml': gha(
        '      - name: Check dependencies for security\n        uses: symfonycorp/security-checker-action@v5\n      - run: symfony check:security\n',
      ),
      'composer.json': '{"require":{"symfony/console":"7.4.*"}}\n',
    };
    expect(chains(tree, 'scan')).toEqual([
      '.github/workflows/ci.yml:8 → Symfony security checker',
      '.github/workflows/ci.yml:9 → Symfony security checker',
    ]);
  });

  it('`pnpm -C DIR exec vitest`, `npm --prefix DIR exec jest`, `pnpm --dir=DIR dlx x` run the program in DIR', () => {
    const tree: Tree = {
      '.github/workflows/ci.yml': gha(
        '      - run: pnpm -C apps/core exec vitest run --shard=${{ matrix.shard }}/3\n      - run: npm --prefix web exec -- jest --ci\n      - run: pnpm --dir=apps/admin exec eslint .\n',
      ),
      'apps/core/package.json': '{"name":"core","devDependencies":{"vitest":"3.0.0"}}\n',
    };
    expect(chains(tree, 'test')).toEqual([
      '.github/workflows/ci.yml:7 → Vitest',
      '.github/workflows/ci.yml:8 → Jest',
    ]);
    expect(chains(tree, 'lint')).toEqual(['.github/workflows/ci.yml:9 → ESLint']);
    // The program's paths are the directory's: `pnpm -C tools exec ./check.sh` runs tools/check.sh.
    const scripted: Tree = {
      '.github/workflows/ci.yml': gha('      - run: pnpm -C tools exec ./check.sh\n'),
      'tools/check.sh': '#!/bin/sh\nset -e\ngo test ./...\n',
    };
    expect(chains(scripted, 'test')).toEqual(['.github/workflows/ci.yml:7 → tools/check.sh:3 → go test']);
  });
});
