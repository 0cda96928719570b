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
    expect(chains(tree, 'lint')).toEqual([
      '.github/workflows/ci.yml:7 → composer.json:4 (composer script phpstan) → PHPStan',
    ]);
    expect(chains(tree, 'test')).toEqual([
      '.github/workflows/ci.yml:8 → composer.json:5 (composer script test) → PHPUnit',
    ]);
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
    expect(chains(tree, 'test')).toEqual(['.github/workflows/ci.yml:7 → Vitest', '.github/workflows/ci.yml:8 → Jest']);
    expect(chains(tree, 'lint')).toEqual(['.github/workflows/ci.yml:9 → ESLint']);
    // The program's paths are the directory's: `pnpm -C tools exec ./check.sh` runs tools/check.sh.
    const scripted: Tree = {
      '.github/workflows/ci.yml': gha('      - run: pnpm -C tools exec ./check.sh\n'),
      'tools/check.sh': '#!/bin/sh\nset -e\ngo test ./...\n',
    };
    expect(chains(scripted, 'test')).toEqual(['.github/workflows/ci.yml:7 → tools/check.sh:3 → go test']);
  });

  it('make test reaching a catch-all `%:` rule runs `go run scripts/build.go test`, whose "test" command runs go test', () => {
    const build = [
      'package main', // 1
      '', // 2
      'import (', // 3
      '\t"context"', // 4
      '\t"os/exec"', // 5
      ')', // 6
      '', // 7
      'func main() {', // 8
      '\tapp := &cli.Command{', // 9
      '\t\tCommands: []*cli.Command{', // 10
      '\t\t\t{', // 11
      '\t\t\t\tName:   "vet",', // 12
      '\t\t\t\tAction: topRunAction("go", "vet", "./..."),', // 13
      '\t\t\t},', // 14
      '\t\t\t{', // 15
      '\t\t\t\tName:   "test",', // 16
      '\t\t\t\tAction: testAction,', // 17
      '\t\t\t},', // 18
      '\t\t},', // 19
      '\t}', // 20
      '\t_ = app', // 21
      '}', // 22
      '', // 23
      'func topRunAction(arg string, args ...string) cli.ActionFunc {', // 24
      '\treturn func(ctx context.Context, cmd *cli.Command) error {', // 25
      '\t\treturn runCmd(ctx, arg, args...)', // 26
      '\t}', // 27
      '}', // 28
      '', // 29
      'func runCmd(ctx context.Context, arg string, args ...string) error {', // 30
      '\treturn exec.CommandContext(ctx, arg, args...).Run()', // 31
      '}', // 32
      '', // 33
      'func testAction(ctx context.Context, cmd *cli.Command) error {', // 34
      '\targs := []string{"test"}', // 35
      '\targs = append(args, "-race", "./...")', // 36
      '\treturn runCmd(ctx, "go", args...)', // 37
      '}', // 38
      '',
    ].join('\n');
    const tree: Tree = {
      '.github/workflows/ci.yml': gha('      - run: make vet\n      - run: make test\n'),
      Makefile:
        'GO_RUN_BUILD := go run scripts/build.go\n\n.PHONY: all\nall: vet test\n\n%:\n\t$(GO_RUN_BUILD) $(GFLAGS) $* $(FLAGS)\n\ndocs:\n\tmkdocs build\n',
      'scripts/build.go': build,
    };
    expect(chains(tree, 'test')).toEqual([
      '.github/workflows/ci.yml:8 → Makefile:7 (make test) → scripts/build.go:37 (scripts/build.go test) → go test',
    ]);
    expect(chains(tree, 'lint')).toEqual([
      '.github/workflows/ci.yml:7 → Makefile:7 (make vet) → scripts/build.go:13 (scripts/build.go vet) → go vet',
    ]);
  });

  it('a Go build program that switches on its argument: `case "test":` runs what is under it, not the other cases', () => {
    const tree: Tree = {
      '.github/workflows/ci.yml': gha('      - run: go run ./ci/build.go test\n'),
      'ci/build.go':
        'package main\n\nimport (\n\t"os"\n\t"os/exec"\n)\n\nfunc main() {\n\tswitch os.Args[1] {\n\tcase "lint":\n\t\texec.Command("golangci-lint", "run").Run()\n\tcase "test":\n\t\trunTests()\n\tdefault:\n\t\tos.Exit(2)\n\t}\n}\n\nfunc runTests() {\n\texec.Command("go", "test", "-race", "./...").Run()\n}\n',
    };
    expect(chains(tree, 'test')).toEqual([
      '.github/workflows/ci.yml:7 → ci/build.go:20 (./ci/build.go test) → go test',
    ]);
    expect(chains(tree, 'lint')).toEqual([]);
  });

  it('the last `case` with no next case or switch end within reach keeps its commands (not an empty body)', () => {
    const filler = '\t\tx := 1\n'.repeat(600);
    const tree: Tree = {
      '.github/workflows/ci.yml': gha('      - run: go run build.go test\n'),
      'build.go': `package main\n\nfunc main() {\n\tswitch os.Args[1] {\n\tcase "test":\n\t\texec.Command("go", "test", "./...").Run()\n${filler}\t}\n}\n`,
    };
    expect(chains(tree, 'test')).toEqual(['.github/workflows/ci.yml:7 → build.go:6 (build.go test) → go test']);
  });

  it('a Go build program of thousands of never-closed functions is read in one bracket pass: the switch still resolves', () => {
    const unclosed = 'func a() {\n'.repeat(10_000);
    const tree: Tree = {
      '.github/workflows/ci.yml': gha('      - run: go run build.go test\n'),
      'build.go': `package main\n\nfunc main() {\n\tswitch os.Args[1] {\n\tcase "test":\n\t\texec.Command("go", "test", "./...").Run()\n\t}\n}\n${unclosed}`,
    };
    expect(chains(tree, 'test')).toEqual(['.github/workflows/ci.yml:7 → build.go:6 (build.go test) → go test']);
  });

  it('thousands of function headers whose parameter list never closes are read with a bounded look for the `)`: the switch still resolves', () => {
    const open = 'func a(\n'.repeat(20_000);
    const tree: Tree = {
      '.github/workflows/ci.yml': gha('      - run: go run build.go test\n'),
      'build.go': `package main\n\nfunc main() {\n\tswitch os.Args[1] {\n\tcase "test":\n\t\texec.Command("go", "test", "./...").Run()\n\t}\n}\n${open}`,
    };
    expect(chains(tree, 'test')).toEqual(['.github/workflows/ci.yml:7 → build.go:6 (build.go test) → go test']);
  });
});
