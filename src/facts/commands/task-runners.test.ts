import { describe, expect, it } from 'vitest';
import { memoryIndex, type Tree } from '../../testing/memory.js';
import type { ToolKind } from '../../types.js';
import { commandGraph, describeChain, runsOf } from './index.js';

function chains(tree: Tree, kind: ToolKind, origin: 'ci' | 'hook' = 'ci'): string[] {
  const g = commandGraph(memoryIndex(tree));
  return runsOf(g, kind, origin).map((r) => describeChain(r, r.tools.find((t) => t.kinds.includes(kind))?.name));
}

const gha = (...steps: string[]) =>
  `on: push\njobs:\n  ci:\n    runs-on: ubuntu-latest\n    steps:\n${steps.map((s) => `      - run: ${s}\n`).join('')}`;

// A gulpfile in the shape Django/Python projects use: tasks spawn pipenv through local helpers.
const GULPFILE = `import gulp from "gulp";
import child_process from "child_process";
import stylelint from "gulp-stylelint-esm";

const es = child_process.execSync;
const spawn = child_process.spawn;

function inPipenv(command) {
  command.unshift("run");
  return spawn("pipenv", command, { stdio: "inherit" });
}

function run(program, args) {
  return spawn(program, args);
}

function lint() {
  return Promise.all([
    inPipenv(["ruff", "check", "."]),
    run("npx", ["prettier", ".", "--check"]),
    gulp.src("styles/**/*.scss").pipe(stylelint({})),
  ]);
}

function format() {
  return inPipenv(["black", "."]);
}

function coverage(cb) {
  es("pipenv run coverage erase");
  let command = ["run", "coverage", "run", "manage.py", "test", "--parallel"];
  command = command.concat(process.argv.splice(3));
  spawn("pipenv", command).on("exit", cb);
}

function unused() {
  spawn("pytest", []);
}

gulp.task("lint", lint);
gulp.task("format", format);
gulp.task("coverage", coverage);
gulp.task("ci", gulp.series("lint", function check() { return inPipenv(["mypy", "app"]); }));
`;

describe('gulp tasks', () => {
  const tree: Tree = {
    '.github/workflows/ci.yml': gha('npm install --location=global gulp-cli', 'gulp ci', 'gulp coverage'),
    'gulpfile.js': GULPFILE,
    'lefthook.yml': 'pre-commit:\n  commands:\n    format:\n      run: gulp format\n',
  };

  it('follows a task through the helpers it calls, with the arguments it passes them, cited at the call', () => {
    expect(chains(tree, 'lint')).toEqual([
      '.github/workflows/ci.yml:7 → gulpfile.js:19 (gulp lint) → Ruff',
      '.github/workflows/ci.yml:7 → gulpfile.js:21 (gulp lint) → Stylelint',
    ]);
    expect(chains(tree, 'format')).toEqual(['.github/workflows/ci.yml:7 → gulpfile.js:20 (gulp lint) → Prettier']);
    expect(chains(tree, 'typecheck')).toEqual(['.github/workflows/ci.yml:7 → gulpfile.js:43 (gulp ci) → mypy']);
  });

  it('reads a command array built in the task (then extended from the command line) and a wrapper that measures coverage', () => {
    expect(chains(tree, 'test')).toEqual([
      '.github/workflows/ci.yml:8 → gulpfile.js:33 (gulp coverage) → Django tests',
    ]);
    expect(chains(tree, 'coverage')).toContain(
      '.github/workflows/ci.yml:8 → gulpfile.js:33 (gulp coverage) → coverage.py',
    );
  });

  it('runs only what the named tasks reach: a function no task calls is not run, a hook runs its own task', () => {
    const g = commandGraph(memoryIndex(tree));
    expect(g.runs.some((r) => r.argv[0] === 'pytest')).toBe(false);
    expect(chains(tree, 'format', 'hook')).toEqual([
      'lefthook.yml:4 (lefthook pre-commit) → gulpfile.js:26 (gulp format) → Black',
    ]);
  });

  it('gulp 4 exports: series of exported functions, and `export default`', () => {
    const g = commandGraph(
      memoryIndex({
        '.github/workflows/ci.yml': gha('npx gulp test', 'npx gulp'),
        'gulpfile.mjs': `import { series } from 'gulp';
import { execSync } from 'node:child_process';
import mocha from 'gulp-mocha';
export function lint(cb) { execSync('eslint src'); cb(); }
const unit = () => gulp.src('test/*.js').pipe(mocha());
export const test = series(lint, unit);
export default series(test);
`,
      }),
    );
    expect(runsOf(g, 'test').map((r) => describeChain(r))).toEqual([
      '.github/workflows/ci.yml:6 → gulpfile.mjs:5 (gulp test) → Mocha',
      '.github/workflows/ci.yml:7 → gulpfile.mjs:5 (gulp default) → Mocha',
    ]);
    expect(runsOf(g, 'lint').map((r) => describeChain(r))).toHaveLength(2);
  });

  it('an unknown task is not followed and names nothing', () => {
    const g = commandGraph(memoryIndex({ '.github/workflows/ci.yml': gha('gulp release'), 'gulpfile.js': GULPFILE }));
    expect(g.runs.filter((r) => r.tools.length)).toEqual([]);
    expect(g.unresolved.map((u) => u.reason)).toEqual(['gulpfile.js has no task release']);
  });
});

describe('Grunt, Invoke, Mage and cargo-make', () => {
  it('grunt aliases down to plugin tasks and shell targets', () => {
    const tree: Tree = {
      '.github/workflows/ci.yml': gha('npx grunt test'),
      'Gruntfile.js': `module.exports = function (grunt) {
  grunt.initConfig({
    eslint: { target: ['lib'] },
    mochaTest: { test: { src: ['test/**/*.js'] } },
    shell: { audit: { command: 'npm audit --production' } },
  });
  grunt.loadNpmTasks('grunt-eslint');
  grunt.registerTask('test', ['eslint', 'mochaTest', 'shell:audit']);
};
`,
    };
    expect(chains(tree, 'lint')).toEqual(['.github/workflows/ci.yml:6 → Gruntfile.js:3 (grunt eslint) → ESLint']);
    expect(chains(tree, 'test')).toEqual(['.github/workflows/ci.yml:6 → Gruntfile.js:4 (grunt mochaTest) → Mocha']);
    expect(chains(tree, 'scan')).toEqual([
      '.github/workflows/ci.yml:6 → Gruntfile.js:5 (grunt shell:audit) → npm audit',
    ]);
  });

  it('grunt: a task name holding pattern syntax is a name, read literally', () => {
    // `a(b` was inserted into a pattern unescaped: the whole audit stopped on "Unterminated group".
    const tree: Tree = {
      '.github/workflows/ci.yml': gha('npx grunt test'),
      'Gruntfile.js': `module.exports = function (grunt) {
  grunt.initConfig({
    'a.b': { x: 1 },
    eslint: { target: ['lib'] },
  });
  grunt.registerTask('test', ['a(b', 'x)y', 'a.b', '(a+)+$[\\\\', 'eslint']);
};
`,
    };
    expect(chains(tree, 'lint')).toEqual(['.github/workflows/ci.yml:6 → Gruntfile.js:4 (grunt eslint) → ESLint']);
  });

  it('invoke tasks: pre tasks, c.run lines, dashed names', () => {
    const tree: Tree = {
      '.github/workflows/ci.yml': gha('pip install invoke', 'invoke test-all'),
      'tasks.py': `from invoke import task

@task
def lint(c):
    c.run("flake8 src")

@task(pre=[lint])
def test_all(c, cov=False):
    c.run(f"pytest --cov={cov} tests")

@task
def docs(c):
    c.run("mkdocs build")
`,
    };
    expect(chains(tree, 'lint')).toEqual(['.github/workflows/ci.yml:7 → tasks.py:5 (invoke lint) → Flake8']);
    expect(chains(tree, 'test')).toEqual(['.github/workflows/ci.yml:7 → tasks.py:9 (invoke test_all) → pytest']);
  });

  it('mage targets with mg.Deps and sh.Run', () => {
    const tree: Tree = {
      '.github/workflows/ci.yml': gha('mage ci'),
      'magefile.go': `//go:build mage

package main

import (
	"github.com/magefile/mage/mg"
	"github.com/magefile/mage/sh"
)

func Lint() error { return sh.RunV("golangci-lint", "run") }

func Test() error {
	return sh.Run("go", "test", "-race", "./...")
}

func CI() { mg.Deps(Lint, Test) }
`,
    };
    expect(chains(tree, 'lint')).toEqual(['.github/workflows/ci.yml:6 → magefile.go:10 (mage Lint) → golangci-lint']);
    expect(chains(tree, 'test')).toEqual(['.github/workflows/ci.yml:6 → magefile.go:13 (mage Test) → go test']);
  });

  it('a compiled mage binary, go run mage.go and a helper that runs the command it is given', () => {
    const magefile = `//go:build mage

package main

import (
	"context"
	"os/exec"

	"github.com/magefile/mage/mg"
)

func runStreamed(ctx context.Context, cmd string, args ...string) error {
	c := exec.CommandContext(ctx, cmd, args...)
	return c.Run()
}

type Test mg.Namespace

func (Test) Feature(ctx context.Context) error {
	return runStreamed(ctx, "go", "test", "-p", "1", "-coverprofile", "cover.out", "./...")
}

type Check mg.Namespace

func (Check) Lint(ctx context.Context) error { return runStreamed(ctx, "golangci-lint", "run") }
`;
    const tree: Tree = {
      '.github/workflows/ci.yml': [
        'on: push',
        'jobs:',
        '  build:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - uses: magefile/mage-action@v3',
        '        with:',
        '          args: -compile ./mage-static',
        '      - run: ./mage-static test:feature',
        '      - run: go run mage.go check:lint',
      ].join('\n'),
      'magefile.go': magefile,
      'mage.go':
        '//go:build ignore\n\npackage main\n\nimport (\n\t"os"\n\t"github.com/magefile/mage/mage"\n)\n\nfunc main() { os.Exit(mage.Main()) }\n',
    };
    expect(chains(tree, 'test')).toEqual(['.github/workflows/ci.yml:9 → magefile.go:20 (mage test:feature) → go test']);
    expect(chains(tree, 'coverage')).toEqual([
      '.github/workflows/ci.yml:9 → magefile.go:20 (mage test:feature) → go test -cover',
    ]);
    expect(chains(tree, 'lint')).toEqual([
      '.github/workflows/ci.yml:10 → magefile.go:25 (mage check:lint) → golangci-lint',
    ]);
    expect(commandGraph(memoryIndex(tree)).unresolved).toEqual([]);
    // A matrix job runs the target its matrix names: one command per listed value.
    const matrix: Tree = {
      ...tree,
      '.github/workflows/ci.yml': [
        'on: push',
        'jobs:',
        '  api:',
        '    runs-on: ubuntu-latest',
        '    strategy:',
        '      matrix:',
        '        db: [sqlite, postgres]',
        '        test: [feature, lint]',
        '    steps:',
        '      - run: ./mage-static test:${{ matrix.test }}',
      ].join('\n'),
      'magefile.go': magefile.replace('(Check) Lint', '(Test) Lint'),
    };
    expect(chains(matrix, 'coverage')).toEqual([
      '.github/workflows/ci.yml:10 → magefile.go:20 (mage test:feature) → go test -cover',
    ]);
    expect(chains(matrix, 'lint')).toEqual([
      '.github/workflows/ci.yml:10 → magefile.go:25 (mage test:lint) → golangci-lint',
    ]);
  });

  it('cargo-make tasks and its built-in tasks', () => {
    const tree: Tree = {
      '.github/workflows/ci.yml': gha('cargo make ci', 'cargo make test'),
      'Makefile.toml': `[tasks.lint]
command = "cargo"
args = ["clippy", "--", "-D", "warnings"]

[tasks.ci]
dependencies = ["lint", "fmt-check"]

[tasks.fmt-check]
script = ["cargo fmt --all -- --check"]
`,
    };
    expect(chains(tree, 'lint')).toEqual(['.github/workflows/ci.yml:6 → Makefile.toml:1 (cargo make lint) → Clippy']);
    expect(chains(tree, 'format')).toEqual([
      '.github/workflows/ci.yml:6 → Makefile.toml:8 (cargo make fmt-check) → rustfmt',
    ]);
    expect(chains(tree, 'test')).toEqual([
      '.github/workflows/ci.yml:7 → Makefile.toml:1 (cargo make test (built-in task)) → cargo test',
    ]);
  });
});
