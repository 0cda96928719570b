/**
 * Blind round 20, class 1: `make local build` where `local` runs `$(eval ENGINERUN= )` and every
 * other recipe is `${ENGINERUN} bash ./scripts/test.sh`, ENGINERUN being a `docker run … image`
 * prefix in an included file. Prerequisites were followed, but the recipes were read with the
 * container prefix (the `$(eval)` ignored), so no tool was found behind them.
 */
import { describe, expect, it } from 'vitest';
import { commandGraph, describeChain, runsOf } from '../src/facts/commands/index.js';
import { memoryIndex, type Tree } from '../src/testing/memory.js';
import { runRuleOn } from '../src/testing/rule-tester.js';
import ciPipeline from './operations/ci-pipeline.js';
import linting from './quality/linting.js';
import testsInCi from './quality/tests-in-ci.js';

const MAKEFILE = [
  'SHELL := /bin/bash', // 1
  '.DEFAULT_GOAL := install',
  'ENGINE := $(shell { (podman version > /dev/null 2>&1 && command -v podman) || command -v docker; } 2>/dev/null)',
  '',
  'include Makefile.variables', // 5
  '',
  '## prefix before other make targets to run in your local dev environment',
  'local: | quiet',
  '\t@$(eval ENGINERUN= )',
  '\t@mkdir -p tmp', // 10
  'quiet: # keeps make quiet',
  '\t@:',
  '',
  '.PHONY: build',
  'build: build/dev', // 15
  '',
  '.PHONY: build/dev',
  'build/dev: test *.go',
  '\t@mkdir -p bin/',
  '\t${ENGINERUN} go build --ldflags "$(LDFLAGS)"', // 20
  '\t${ENGINERUN} bash ./scripts/acceptance.sh',
  '',
  '.PHONY: check',
  'check:',
  '\t${ENGINERUN} bash ./scripts/check.sh', // 25
  '',
  '.PHONY: test',
  'test: check',
  '\t${ENGINERUN} bash ./scripts/test.sh',
  '',
].join('\n');

const tree: Tree = {
  '.github/workflows/build.yml':
    'on: [push, pull_request]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-go@v5\n      - name: Check the build\n        shell: bash -l {0}\n        run: |\n          export PATH=${PATH}:`go env GOPATH`/bin\n          make local build\n',
  Makefile: MAKEFILE,
  'Makefile.variables':
    'PROJECT = tool\nDEV_IMAGE := ${PROJECT}_dev\nENGINERUN := ${ENGINE} run --rm \\\n\t-v $(shell pwd):/src \\\n\t-w /src \\\n\t${DEV_IMAGE}\n',
  'scripts/test.sh': '#!/bin/bash\nset -e\ngo test $(go list ./...)\n',
  'scripts/check.sh': '#!/bin/bash\nset -e\ngolangci-lint run\n',
  'scripts/acceptance.sh': '#!/bin/bash\nset -e\n./tool --version\n',
  'go.mod': 'module example.com/tool\n\ngo 1.22\n',
  'main.go': 'package main\n\nfunc main() {}\n',
  'main_test.go': 'package main\n\nimport "testing"\n\nfunc TestMain(t *testing.T) {}\n',
  '.golangci.yml': 'linters:\n  enable:\n    - gosec\n',
};

describe('round 20: a `$(eval)` in a prefix target sets the variables of the recipes after it', () => {
  it('make local build reaches go test and golangci-lint through the prerequisites, each hop with Makefile:line', () => {
    const g = commandGraph(memoryIndex(tree));
    const chain = (kind: 'test' | 'lint') =>
      runsOf(g, kind, 'ci').map((r) => describeChain(r, r.tools.find((t) => t.kinds.includes(kind))?.name));
    expect(chain('test')).toEqual([
      '.github/workflows/build.yml:12 → Makefile:29 (make test) → scripts/test.sh:3 → go test',
    ]);
    expect(chain('lint')).toEqual([
      '.github/workflows/build.yml:12 → Makefile:25 (make check) → scripts/check.sh:3 → golangci-lint',
    ]);
    // The eval line itself is make's, never a shell command.
    expect(g.runs.some((r) => r.argv[0] === 'eval' || r.argv[0] === '$SUBST')).toBe(false);
  });

  it('without the prefix target the recipes stay behind the container wrapper', () => {
    const plain = {
      ...tree,
      '.github/workflows/build.yml': tree['.github/workflows/build.yml']!.toString().replace(
        'make local build',
        'make build',
      ),
    };
    const g = commandGraph(memoryIndex(plain));
    expect(g.runs.some((r) => r.argv.join(' ') === 'bash ./scripts/test.sh')).toBe(false);
  });

  it('tests-in-ci and linting pass, ci-pipeline passes', async () => {
    const tests = await runRuleOn(testsInCi, tree);
    expect(tests.outcome).toBe('pass');
    expect(tests.evidence[0]).toMatchObject({ path: 'scripts/test.sh', line: 3 });
    expect(tests.evidence[0]!.note).toContain(
      '.github/workflows/build.yml:12 → Makefile:29 (make test) → scripts/test.sh:3 → go test',
    );
    const lint = await runRuleOn(linting, tree);
    expect(lint.outcome).toBe('pass');
    expect(JSON.stringify(lint.evidence)).toContain('Makefile:25 (make check)');
    expect((await runRuleOn(ciPipeline, tree)).outcome).toBe('pass');
  });
});
