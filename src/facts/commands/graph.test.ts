import { describe, expect, it } from 'vitest';
import { fixtureTree } from '../../testing/fixtures.js';
import { memoryIndex, type Tree } from '../../testing/memory.js';
import type { ToolKind } from '../../types.js';
import { commandGraph, describeChain, runsOf } from './index.js';

/** Chains of the runs that reach a tool (of a kind), as `file:line → … → tool`. */
function chains(tree: Tree, kind?: ToolKind, origin: 'ci' | 'hook' = 'ci'): string[] {
  const g = commandGraph(memoryIndex(tree));
  const runs = kind ? runsOf(g, kind, origin) : g.runs.filter((r) => r.origin.kind === origin && r.tools.length);
  return runs.map((r) => describeChain(r, r.tools.find((t) => !kind || t.kinds.includes(kind))?.name));
}

const gha = (steps: string, extra = '') =>
  `on: push\njobs:\n  ci:\n    runs-on: ubuntu-latest\n${extra}    steps:\n      - uses: actions/checkout@v4\n${steps}`;

describe('command graph on the fixtures', () => {
  it('cmd-npm-scripts: pre hooks, run-s patterns, a deploy script, each with its chain', () => {
    const tree = fixtureTree('cmd-npm-scripts');
    expect(chains(tree, 'test')).toEqual([
      '.github/workflows/ci.yml:16 → package.json:8 (npm script test) → package.json:9 (npm script test:unit) → Jest',
    ]);
    expect(chains(tree, 'lint')).toEqual([
      '.github/workflows/ci.yml:16 → package.json:7 (npm script pretest) → package.json:11 (npm script lint) → ESLint',
    ]);
    expect(chains(tree, 'format')).toEqual([
      '.github/workflows/ci.yml:17 → package.json:12 (npm script format:check) → Prettier',
    ]);
    expect(chains(tree, 'scan')).toEqual([
      '.github/workflows/ci.yml:18 → package.json:13 (npm script audit:prod) → npm audit',
    ]);
    expect(chains(tree, 'deploy')).toEqual([
      '.github/workflows/ci.yml:26 → package.json:14 (npm script deploy) → scripts/deploy.sh:5 → Helm',
    ]);
  });

  it('cmd-makefile: targets with prerequisites and variables, an included GitLab file, a script named test.sh that builds', () => {
    const tree = fixtureTree('cmd-makefile');
    expect(chains(tree, 'test')).toEqual(['.gitlab-ci.yml:10 → Makefile:15 (make test) → go test']);
    expect(chains(tree, 'lint')).toEqual(['.gitlab-ci.yml:10 → Makefile:12 (make lint) → golangci-lint']);
    expect(chains(tree, 'scan')).toEqual(['ci/security.gitlab-ci.yml:6 → govulncheck']);
    expect(chains(tree, 'deploy')).toEqual([
      '.gitlab-ci.yml:23 → Makefile:22 (make release) → scripts/release.sh:3 → kubectl',
    ]);
    // scripts/test.sh only compiles: its name does not make it a test run.
    expect(chains(tree, 'build')).toContain('.gitlab-ci.yml:16 → scripts/test.sh:4 → go build');
  });

  it('cmd-composite-action: a composite action into tox, a reusable workflow of the repository, pre-commit hooks', () => {
    const tree = fixtureTree('cmd-composite-action');
    const action =
      '.github/workflows/ci.yml:8 → .github/actions/python-checks/action.yml:15 (composite action .github/actions/python-checks)';
    expect(chains(tree, 'test')).toEqual([`${action} → tox.ini:7 (tox env py312) → pytest`]);
    expect(chains(tree, 'lint')).toEqual([`${action} → tox.ini:13 (tox env lint) → Ruff`]);
    expect(chains(tree, 'scan')).toEqual([
      '.github/workflows/ci.yml:12 → .github/workflows/security.yml:9 (job audit) → pip-audit',
      '.github/workflows/ci.yml:12 → .github/workflows/security.yml:10 (job audit) → Bandit',
    ]);
    expect(chains(tree, 'lint', 'hook')).toEqual(['.pre-commit-config.yaml:5 (pre-commit hook ruff) → Ruff']);
  });

  it('cmd-dotnet-nuke: ./build.cmd Test runs the NUKE target and its dependencies', () => {
    const tree = fixtureTree('cmd-dotnet-nuke');
    expect(chains(tree, 'test')).toEqual([
      '.github/workflows/ci.yml:11 → build/Build.cs:23 (NUKE target Test) → dotnet test',
    ]);
    expect(chains(tree, 'build')).toEqual([
      '.github/workflows/ci.yml:11 → build/Build.cs:16 (NUKE target Compile) → dotnet build',
    ]);
  });

  it('cmd-echo-only: an echoed runner, a build script named test.sh and npm placeholder script run no tool', () => {
    expect(chains(fixtureTree('cmd-echo-only'))).toEqual([]);
  });

  it('cmd-travis-maven: Travis runs Maven by default for language: java (install, then mvn test), with JaCoCo bound', () => {
    const tree = fixtureTree('cmd-travis-maven');
    expect(chains(tree, 'test')).toEqual(['.travis.yml:2 (Travis default script for java) → JUnit/TestNG']);
    expect(chains(tree, 'build')).toEqual([
      '.travis.yml:2 (Travis default install for java) → Maven build',
      '.travis.yml:2 (Travis default script for java) → Maven build',
    ]);
    expect(chains(tree, 'coverage')).toEqual([
      '.travis.yml:11 → Codecov upload',
      '.travis.yml:2 (Travis default script for java) → JaCoCo',
    ]);
    const run = runsOf(commandGraph(memoryIndex(tree)), 'test')[0]!;
    expect(run.argv).toEqual(['mvn', 'test', '-B']);
    expect(run.tools.find((t) => t.kinds.includes('test'))!.implied).toBe('mvn test runs the test phase (Surefire)');
  });

  it('cmd-compose-exec: a script run inside a compose service is found through its mount, and runs from the container workdir', () => {
    const tree = fixtureTree('cmd-compose-exec');
    const inner = '.github/workflows/test.yml:13 → backend/tests-start.sh:6';
    expect(chains(tree, 'test')).toEqual([`${inner} → backend/scripts/test.sh:4 → pytest`]);
    expect(chains(tree, 'coverage-gate')).toEqual([`${inner} → backend/scripts/test.sh:5 → coverage.py --fail-under`]);
    expect(chains(tree, 'lint')).toEqual(['.github/workflows/test.yml:11 → backend/scripts/lint.sh:5 → Ruff']);
    // Not the root scripts/test.sh (which starts the stack): inside the container, ./scripts is backend/scripts.
    const gate = runsOf(commandGraph(memoryIndex(tree)), 'coverage-gate')[0]!;
    expect(gate.tools[0]).toMatchObject({ name: 'coverage.py --fail-under', threshold: 85 });
  });

  it('cmd-helm-charts: chart-testing lint and install, helm unittest, kubeconform and chart-releaser', () => {
    const tree = fixtureTree('cmd-helm-charts');
    expect(chains(tree, 'test')).toEqual(['.github/workflows/lint-test.yml:17 → helm unittest']);
    // `helm template` renders the chart: a chart that does not render fails there, like code that does not compile.
    expect(chains(tree, 'build')).toEqual([
      '.github/workflows/lint-test.yml:19 → helm template',
      '.github/workflows/lint-test.yml:22 → chart-testing install',
      '.github/workflows/release.yml:17 → chart-releaser',
    ]);
    expect(chains(tree, 'lint')).toEqual([
      '.github/workflows/lint-test.yml:13 → chart-testing lint',
      '.github/workflows/lint-test.yml:19 → kubeconform',
    ]);
    expect(chains(tree, 'release')).toEqual(['.github/workflows/release.yml:17 → chart-releaser']);
    // `helm plugin install` installs a plugin, not a release into a cluster.
    expect(chains(tree, 'deploy')).toEqual([]);
  });

  it('cmd-advisory: switched-off steps and jobs run nothing; failures swallowed by continue-on-error or || true are advisory', () => {
    const g = commandGraph(memoryIndex(fixtureTree('cmd-advisory')));
    expect(runsOf(g, 'test')).toEqual([]);
    expect(runsOf(g, 'scan').map((r) => [describeChain(r), r.advisory])).toEqual([
      ['.github/workflows/ci.yml:18 → Trivy', 'continue-on-error: true'],
      ['.github/workflows/ci.yml:19 → safety', '`|| true` at .github/workflows/ci.yml:19'],
    ]);
  });
});

describe('command graph: shell words', () => {
  it('strips wrappers and keeps the program: env, npx, poetry run, python -m, coverage run -m, docker compose run', () => {
    const tree = {
      '.github/workflows/ci.yml': gha(
        [
          '      - run: CI=1 npx --yes vitest run',
          '      - run: poetry run python -m pytest -x',
          '      - run: coverage run -m unittest discover',
          '      - run: python -m coverage run --source=. --module manage test --verbosity 2',
          '      - run: docker compose -f ci.yml run --rm -e X=1 api bundle exec rspec',
          '      - run: cd web && yarn lint',
          '      - run: if [ -n "$X" ]; then echo skip; else timeout 600 go test ./...; fi',
        ]
          .map((l) => `${l}\n`)
          .join(''),
      ),
      'web/package.json': '{\n  "scripts": {\n    "lint": "eslint ."\n  }\n}\n',
    };
    expect(chains(tree)).toEqual([
      '.github/workflows/ci.yml:7 → Vitest',
      '.github/workflows/ci.yml:8 → pytest',
      // `coverage run` measures coverage of what it starts: a run of its own.
      '.github/workflows/ci.yml:9 → coverage.py',
      '.github/workflows/ci.yml:9 → unittest',
      // `--module manage` runs the project's manage.py: Django's test runner (round 8).
      '.github/workflows/ci.yml:10 → coverage.py',
      '.github/workflows/ci.yml:10 → Django tests',
      '.github/workflows/ci.yml:11 → RSpec',
      '.github/workflows/ci.yml:12 → web/package.json:3 (yarn script lint) → ESLint',
      '.github/workflows/ci.yml:13 → go test',
    ]);
  });

  it('a block step keeps each line, joins continuations and skips heredoc bodies', () => {
    const tree = {
      '.github/workflows/ci.yml': gha(
        '      - run: |\n          cat > notes.txt <<EOF\n          pytest is not run here\n          EOF\n          go vet \\\n            ./...\n',
      ),
    };
    expect(chains(tree)).toEqual(['.github/workflows/ci.yml:11 → go vet']);
  });

  it('follows working-directory of a step and of defaults.run', () => {
    const tree = {
      '.github/workflows/ci.yml': gha(
        '      - run: npm test\n',
        '    defaults:\n      run:\n        working-directory: ./frontend\n',
      ),
      'frontend/package.json': '{"scripts":{"test":"vitest run"}}',
      'package.json': '{"scripts":{"test":"echo root"}}',
    };
    expect(chains(tree, 'test')).toEqual([
      '.github/workflows/ci.yml:10 → frontend/package.json:1 (npm script test) → Vitest',
    ]);
  });
});

describe('command graph: scripts with arguments', () => {
  it('a script run with an argument takes the case branch it selects; a make pattern rule fills in its stem', () => {
    const tree = {
      '.github/workflows/ci.yml': gha('      - run: make lint\n      - run: make test-install\n'),
      Makefile:
        'lint:\n\tdocker run $(DOCKER_ARGS) --rm -v $(CURDIR):/charts -w /charts quay.io/helmpack/chart-testing /charts/hack/ct.sh lint\n\ntest-%:\n\t./hack/ct.sh $*\n',
      'hack/ct.sh':
        '#!/bin/bash\nACTION=$1\ncase "${ACTION}" in\ninstall)\n  ct "${ACTION}" --charts web/\n  ;;\n*)\n  ct "${ACTION}" --charts web/,api/\n  ;;\nesac\n',
    };
    expect(chains(tree, 'lint')).toEqual([
      '.github/workflows/ci.yml:7 → Makefile:2 (make lint) → hack/ct.sh:8 → chart-testing lint',
    ]);
    expect(chains(tree, 'build')).toEqual([
      '.github/workflows/ci.yml:8 → Makefile:5 (make test-install) → hack/ct.sh:5 → chart-testing install',
    ]);
  });

  it('a Ruby or Python script that starts a test framework is a test run; its name alone is not', () => {
    const tree = {
      '.github/workflows/ci.yml': gha(
        '      - run: bundle exec rake compile\n      - run: test/runner --verbose\n      - run: python runtests.py\n      - run: python tools/test_data.py\n',
      ),
      Rakefile: 'require "rake/extensiontask"\nRake::ExtensionTask.new("http11", gemspec)\n',
      'test/runner':
        "#!/usr/bin/env ruby\nrequire 'minitest'\nDir['test_*.rb', base: __dir__].each { |f| require_relative f }\n",
      'runtests.py': 'import sys\nimport pytest\n\nsys.exit(pytest.main(["tests"]))\n',
      'tools/test_data.py': 'import json\nprint(json.dumps({"fixtures": 3}))\n',
    };
    expect(chains(tree, 'test')).toEqual([
      '.github/workflows/ci.yml:8 → test/runner:2 → Minitest',
      '.github/workflows/ci.yml:9 → runtests.py:4 → pytest',
    ]);
    expect(chains(tree, 'build')).toEqual(['.github/workflows/ci.yml:7 → Rakefile:2 (rake compile) → rake compile']);
  });

  it('rake tasks defined inside `namespace :spec do … end`, a Cucumber task and standard/rake are followed (round 8, a gem)', () => {
    const tree = {
      '.github/workflows/build.yml': gha(
        '      - run: bundle exec rake all_specs\n      - run: bundle exec rake standard\n',
      ),
      Rakefile: [
        'require "rspec/core/rake_task"',
        'require "cucumber/rake/task"',
        'require "standard/rake"',
        '',
        'task default: %w[all_specs standard]',
        'task all_specs: %w[spec:unit spec:acceptance features]',
        '',
        'namespace :spec do',
        '  RSpec::Core::RakeTask.new("unit") do |t|',
        '    t.pattern = "spec/*_spec.rb"',
        '  end',
        '',
        '  RSpec::Core::RakeTask.new("acceptance") do |t|',
        '    t.pattern = "spec/acceptance/**/*_spec.rb"',
        '  end',
        'end',
        '',
        'Cucumber::Rake::Task.new(:features) do |t|',
        '  t.fork = true',
        'end',
      ].join('\n'),
    };
    expect(chains(tree, 'test')).toEqual([
      '.github/workflows/build.yml:7 → Rakefile:9 (rake spec:unit) → RSpec',
      '.github/workflows/build.yml:7 → Rakefile:13 (rake spec:acceptance) → RSpec',
      '.github/workflows/build.yml:7 → Rakefile:18 (rake features) → cucumber',
    ]);
    expect(chains(tree, 'lint')).toEqual(['.github/workflows/build.yml:8 → Rakefile:3 (rake standard) → standardrb']);
    // Outside the namespace, `unit` names no task.
    expect(
      chains({ ...tree, '.github/workflows/build.yml': gha('      - run: bundle exec rake unit\n') }, 'test'),
    ).toEqual([]);
  });

  it("a Rails application's bare `rake` runs rspec with rspec-rails in the Gemfile, `rails test` without", () => {
    const app = {
      '.github/workflows/ci.yml': gha(
        '      - run: bundle exec rake db:create db:migrate\n      - run: bundle exec rake\n',
      ),
      Rakefile: "require_relative 'config/application'\n\nShop::Application.load_tasks\n",
    };
    expect(
      chains(
        { ...app, Gemfile: "source 'https://rubygems.org'\ngem 'rails'\ngroup :test do\n  gem 'rspec-rails'\nend\n" },
        'test',
      ),
    ).toEqual(['.github/workflows/ci.yml:8 → Rakefile:3 (rake default) → RSpec']);
    expect(chains({ ...app, Gemfile: "source 'https://rubygems.org'\ngem 'rails'\n" }, 'test')).toEqual([
      '.github/workflows/ci.yml:8 → Rakefile:3 (rake default) → rails test',
    ]);
    expect(
      chains({ ...app, Rakefile: 'task :hello do\n  puts "hi"\nend\n', Gemfile: "gem 'rspec-rails'\n" }, 'test'),
    ).toEqual([]);
  });

  it("a gem's bare `rake` follows `task default: :ci` through namespaced prerequisites and Rake::Task[…].invoke", () => {
    const rakefile = [
      'require "bundler/gem_tasks"',
      'require "rspec/core/rake_task"',
      '',
      'RSpec::Core::RakeTask.new(:spec)',
      '',
      'RSpec::Core::RakeTask.new("spec:core") do |t|',
      '  t.rspec_opts = "spec/unit"',
      'end',
      '',
      'task "spec:plugins" do',
      '  Rake::Task[:spec].invoke',
      'end',
      '',
      'task ci: %w[spec:core spec:plugins]',
      '',
      'task default: :ci',
    ].join('\n');
    const tree = {
      '.github/workflows/ci.yml': gha('      - run: |\n          status=0\n          bundle exec rake || status=$?\n'),
      Rakefile: rakefile,
      Gemfile: 'source "https://rubygems.org"\ngemspec\n',
    };
    expect(chains(tree, 'test')).toEqual([
      '.github/workflows/ci.yml:9 → Rakefile:6 (rake spec:core) → RSpec',
      '.github/workflows/ci.yml:9 → Rakefile:4 (rake spec) → RSpec',
    ]);
  });

  it('tox run -f lint runs the env_list environments with that factor, from a section whose braces name them', () => {
    const toxIni = [
      '[tox]',
      'env_list =',
      '    lint-{ruff,pre-commit},',
      '    py3{12,13}-tests',
      '',
      '[testenv]',
      'commands = pytest {posargs}',
      '',
      '[testenv:lint-{ruff,pre-commit}]',
      'commands =',
      '    ruff: ruff check .',
      '    pre-commit: pre-commit run --all-files',
      '',
    ].join('\n');
    const tree = { 'tox.ini': toxIni, '.github/workflows/ci.yml': gha('      - run: tox run -f lint\n') };
    expect(chains(tree, 'lint')).toEqual(['.github/workflows/ci.yml:7 → tox.ini:11 (tox env lint-ruff) → Ruff']);
    expect(chains(tree, 'test')).toEqual([]);
    const tests = { ...tree, '.github/workflows/ci.yml': gha('      - run: tox run -f tests\n') };
    // One chain per step and tool: the first environment that runs it.
    expect(chains(tests, 'test')).toEqual(['.github/workflows/ci.yml:7 → tox.ini:7 (tox env py312-tests) → pytest']);
  });

  it('a quoted awk program over several lines is one word: its `next` is not a command', () => {
    const tree = {
      '.github/workflows/ci.yml': gha(
        "      - run: |\n          awk '/^x/ { skip = 1; next }\n               skip { next }' f > g\n",
      ),
    };
    expect(chains(tree)).toEqual([]);
  });
});

describe('command graph: task runners', () => {
  it('npm scripts: concurrently with npm: shorthands, workspaces with -r, turbo', () => {
    const tree = {
      '.github/workflows/ci.yml': gha(
        '      - run: pnpm -r test\n      - run: npx turbo run lint\n      - run: npm run checks\n',
      ),
      'package.json':
        '{\n  "scripts": {\n    "checks": "concurrently \\"npm:typecheck\\" \\"prettier -c .\\"",\n    "typecheck": "tsc --noEmit"\n  }\n}\n',
      'packages/api/package.json':
        '{\n  "name": "api",\n  "scripts": {\n    "test": "vitest run",\n    "lint": "biome lint ."\n  }\n}\n',
    };
    const all = chains(tree);
    expect(all).toContain('.github/workflows/ci.yml:7 → packages/api/package.json:4 (pnpm script test) → Vitest');
    expect(all).toContain('.github/workflows/ci.yml:8 → packages/api/package.json:5 (npm script lint) → Biome');
    expect(all).toContain(
      '.github/workflows/ci.yml:9 → package.json:3 (npm script checks) → package.json:4 (npm script typecheck) → tsc',
    );
    expect(all).toContain('.github/workflows/ci.yml:9 → package.json:3 (npm script checks) → Prettier');
  });

  it('CLIs that run a command string: glob -c, cross-env-shell, start-server-and-test (script names)', () => {
    const tree = {
      '.github/workflows/ci.yml': gha('      - run: npm run db:migrate && npm run test\n      - run: npm run e2e\n'),
      'package.json': [
        '{',
        '  "scripts": {',
        '    "db:migrate": "tsx ./scripts/migrate.ts",',
        '    "test": "npm run db:seed && c8 npm run test:run",',
        '    "db:seed": "tsx ./scripts/seed.ts",',
        '    "test:run": "glob -c \\"tsx --test\\" \\"./test/**/*.ts\\"",',
        '    "e2e": "start-server-and-test start http://localhost:3000 cy:run",',
        '    "start": "node dist/server.js",',
        '    "cy:run": "cross-env-shell CYPRESS_BASE=1 \\"cypress run\\""',
        '  }',
        '}',
        '',
      ].join('\n'),
    };
    const all = chains(tree, 'test');
    // `tsx --test` is the node:test runner under tsx (named by the program that runs).
    expect(all).toContain(
      '.github/workflows/ci.yml:7 → package.json:4 (npm script test) → package.json:6 (npm script test:run) → tsx',
    );
    expect(all).toContain(
      '.github/workflows/ci.yml:8 → package.json:7 (npm script e2e) → package.json:9 (npm script cy:run) → Cypress',
    );
  });

  it('Nx: a dotenv-cli wrapper, run-many and affected:lint, format:check as Prettier, targets inferred by nx.json plugins', () => {
    const tree = {
      '.github/workflows/ci.yml': gha(
        '      - run: npm test\n      - run: npm run format:check\n      - run: npx nx affected:lint\n',
      ),
      'package.json':
        '{\n  "scripts": {\n    "test": "npx dotenv-cli -e .env.example -- npx nx run-many --target=test --all",\n    "format:check": "nx format:check"\n  }\n}\n',
      'nx.json':
        '{\n  "plugins": [\n    { "plugin": "@nx/eslint/plugin", "options": { "targetName": "lint" } }\n  ]\n}\n',
      'apps/api/project.json':
        '{\n  "name": "api",\n  "targets": {\n    "test": {\n      "executor": "@nx/jest:jest"\n    }\n  }\n}\n',
    };
    expect(chains(tree)).toEqual([
      '.github/workflows/ci.yml:7 → package.json:3 (npm script test) → apps/api/project.json:4 (nx target test) → Jest',
      '.github/workflows/ci.yml:8 → package.json:4 (npm script format:check) → Prettier',
      '.github/workflows/ci.yml:9 → nx.json:3 (nx target lint inferred by @nx/eslint/plugin) → ESLint',
    ]);
    // A target no project defines and no plugin infers runs nothing, and says so.
    const bare = commandGraph(
      memoryIndex({
        ...tree,
        'nx.json': '{}\n',
        '.github/workflows/ci.yml': gha('      - run: npx nx run-many -t e2e\n'),
      }),
    );
    expect(bare.runs.filter((r) => r.tools.length)).toEqual([]);
    expect(bare.unresolved.map((u) => u.reason)).toEqual(['no package or project defines "e2e"']);
  });

  it('justfile recipes with dependencies and Taskfile tasks with deps and task calls', () => {
    const tree = {
      '.github/workflows/ci.yml': gha('      - run: just ci\n      - run: task check\n'),
      justfile: 'default: ci\n\nci: lint\n    cargo test --workspace\n\nlint:\n    cargo clippy -- -D warnings\n',
      'Taskfile.yml':
        'version: "3"\ntasks:\n  check:\n    deps: [vet]\n    cmds:\n      - task: unit\n  vet:\n    cmds:\n      - go vet ./...\n  unit:\n    cmds:\n      - cmd: go test ./...\n',
    };
    expect(chains(tree)).toEqual([
      '.github/workflows/ci.yml:7 → justfile:7 (just lint) → Clippy',
      '.github/workflows/ci.yml:7 → justfile:4 (just ci) → cargo test',
      '.github/workflows/ci.yml:8 → Taskfile.yml:9 (task vet) → go vet',
      '.github/workflows/ci.yml:8 → Taskfile.yml:12 (task unit) → go test',
    ]);
  });

  it('just with variable overrides before the recipe (`just python=… cov`, `--set`), a CI expression holding braces, {{ … }} interpolations in recipes', () => {
    const tree = {
      '.github/workflows/ci.yml': gha(
        "      - run: |\n          just python=${{ startsWith(matrix.py, 'pypy') && matrix.py || format('python{0}', matrix.py) }} cleanup=\"false\" cov\n      - run: just --set python python3.12 lint\n",
      ),
      Justfile:
        'python := ""\ncleanup := "true"\n\nlint:\n    uv run ruff check src\n\ncov *args="tests":\n    uv run {{ if python != \'\' { \'-p \' + python } else { \'\' } }} --group test coverage run -m pytest {{args}}\n    {{ if cleanup == "true" { "uv run coverage report" } else { "" } }}\n',
    };
    expect(chains(tree, 'test')).toEqual(['.github/workflows/ci.yml:8 → Justfile:8 (just cov) → pytest']);
    // A recipe line that is one `{{ if … }}` runs the command of its first branch.
    expect(chains(tree, 'coverage')).toContain('.github/workflows/ci.yml:8 → Justfile:9 (just cov) → coverage.py');
    expect(chains(tree, 'lint')).toEqual(['.github/workflows/ci.yml:9 → Justfile:5 (just lint) → Ruff']);
  });

  it('nox sessions by their session.run calls, and hatch scripts', () => {
    const tree = {
      '.github/workflows/ci.yml': gha('      - run: nox -s tests\n      - run: hatch run lint:check\n'),
      'noxfile.py':
        'import nox\n\n@nox.session(python=["3.11", "3.12"])\ndef tests(session):\n    session.install(".[test]")\n    session.run("pytest", "--cov", *session.posargs)\n\n@nox.session\ndef docs(session):\n    session.run("sphinx-build", "docs", "out")\n',
      'pyproject.toml':
        '[project]\nname = "x"\n\n[tool.hatch.envs.lint.scripts]\ncheck = ["ruff check .", "mypy src"]\n',
    };
    expect(chains(tree)).toEqual([
      '.github/workflows/ci.yml:7 → noxfile.py:6 (nox session tests) → pytest',
      '.github/workflows/ci.yml:8 → pyproject.toml:5 (hatch script check) → Ruff',
      '.github/workflows/ci.yml:8 → pyproject.toml:5 (hatch script check) → mypy',
    ]);
  });

  it('Maven phases imply the test phase and POM-bound checks; -DskipTests does not test; Gradle check runs applied plugins', () => {
    const tree = {
      '.github/workflows/ci.yml': gha(
        '      - run: ./mvnw -B verify\n      - run: mvn -B package -DskipTests\n      - run: ./gradlew check\n',
      ),
      'pom.xml':
        '<project><build><plugins><plugin><artifactId>maven-checkstyle-plugin</artifactId><executions><execution><goals><goal>check</goal></goals></execution></executions></plugin></plugins></build></project>\n',
      'app/build.gradle.kts': 'plugins {\n  java\n  id("com.diffplug.spotless")\n}\n',
    };
    const g = commandGraph(memoryIndex(tree));
    const byLine = (line: number) =>
      g.runs
        .filter((r) => r.chain[0]?.line === line)
        .flatMap((r) => r.tools.map((t) => `${t.name}:${t.kinds.join('+')}`));
    expect(byLine(7)).toEqual(['Maven build:build', 'JUnit/TestNG:test', 'Checkstyle:lint']);
    expect(byLine(8)).toEqual(['Maven build:build']);
    expect(byLine(9)).toEqual(['Gradle build:build', 'JUnit/TestNG:test', 'Spotless:format']);
    expect(runsOf(g, 'test')[0]!.tools[1]!.implied).toBe('mvn verify runs the test phase (Surefire)');
  });

  it('NUKE: every default target of Execute<Build>(…), helpers the targets call, coverage settings and reports', () => {
    const build = [
      'class Build : NukeBuild', // 1
      '{', // 2
      '    public static int Main() => Execute<Build>(x => x.SpellCheck, x => x.Push);', // 3
      '    void RunTests()', // 4
      '    {', // 5
      '        DotNetTest(s => s', // 6
      '            .SetDataCollector("XPlat Code Coverage")', // 7
      '            .SetProjectFile(Solution));', // 8
      '    }', // 9
      '    Target SpellCheck => _ => _', // 10
      '        .Executes(() => NpmRun("cspell"));', // 11
      '    Target Test => _ => _', // 12
      '        .Executes(() => RunTests());', // 13
      '    Target Coverage => _ => _', // 14
      '        .DependsOn(Test)', // 15
      '        .Executes(() => ReportGenerator(s => s.SetTargetDirectory(Reports)));', // 16
      '    Target Push => _ => _', // 17
      '        .DependsOn(Coverage)', // 18
      '        .Executes(() => DotNetNuGetPush(s => s.SetSource(Feed)));', // 19
      '}', // 20
    ].join('\n');
    const tree = {
      '.github/workflows/ci.yml': gha('      - run: ./build.ps1\n'),
      'build/Build.cs': build,
      'build/_build.csproj':
        '<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><PackageReference Include="Nuke.Common" /></ItemGroup></Project>\n',
    };
    expect(chains(tree, 'test')).toEqual([
      '.github/workflows/ci.yml:7 → build/Build.cs:6 (NUKE target Test) → dotnet test',
    ]);
    expect(chains(tree, 'coverage')).toEqual([
      '.github/workflows/ci.yml:7 → build/Build.cs:7 (NUKE target Test) → coverlet',
      '.github/workflows/ci.yml:7 → build/Build.cs:16 (NUKE target Coverage) → ReportGenerator',
    ]);
    expect(chains(tree, 'release')).toEqual([
      '.github/workflows/ci.yml:7 → build/Build.cs:19 (NUKE target Push) → package publish',
    ]);
  });

  it('NUKE on a hostile-sized build class: thousands of targets and helpers, each helper found by name once per line', () => {
    // Every target asked for the whole file's helpers again and tested each of its lines with one
    // pattern per helper: 1000 targets and 1000 helpers took 16 s, 2000 would take minutes.
    const n = 2000;
    const lines = ['class Build : NukeBuild', '{'];
    for (let i = 0; i < n; i++)
      lines.push(`    void Run${i}() {`, i === 7 ? '        DotNetTest(s => s);' : `        Run${i + 1}();`, '    }');
    for (let i = 0; i < n; i++) lines.push(`    Target T${i} => _ => _`, `        .Executes(() => Run${i}());`);
    lines.push('}');
    const tree = {
      '.github/workflows/ci.yml': gha('      - run: ./build.sh T6\n'),
      'build/Build.cs': lines.join('\n'),
      'build/_build.csproj':
        '<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><PackageReference Include="Nuke.Common" /></ItemGroup></Project>\n',
    };
    // T6 calls Run6, which calls Run7 (two helpers deep): Run7's DotNetTest (line 2 + 7 * 3 + 2).
    expect(chains(tree, 'test')).toEqual([
      '.github/workflows/ci.yml:7 → build/Build.cs:25 (NUKE target T6) → dotnet test',
    ]);
  });

  it('Bullseye: `dotnet run --project build/build.csproj` runs the default target and its dependencies, SimpleExec Run lines', () => {
    const program = [
      'using static Bullseye.Targets;',
      'using static SimpleExec.Command;',
      '',
      'const string Clean = "clean";',
      'const string Build = "build";',
      'const string Test = "test";',
      'const string Format = "format";',
      '',
      'Target(Clean, ["publish", "**/bin"], dir => Directory.Delete(dir, true));',
      '',
      'Target(Format, () => Run("dotnet", "csharpier check ."));',
      '',
      'Target(Build, [Format], () => Run("dotnet", "build Shop.sln -c Release"));',
      '',
      'Target(',
      '    Test,',
      '    [Build],',
      '    () =>',
      '    {',
      '        foreach (var file in Glob.Files(".", "tests/**/*.csproj"))',
      '            Run("dotnet", $"test {file} -c Release --no-build");',
      '    }',
      ');',
      '',
      'Target("default", [Test], () => Console.WriteLine("Done!"));',
      'await RunTargetsAndExitAsync(args);',
    ].join('\n');
    const tree = {
      '.github/workflows/ci.yml': gha('      - run: dotnet run --project build/build.csproj\n'),
      'build/build.csproj':
        '<Project Sdk="Microsoft.NET.Sdk">\n  <ItemGroup>\n    <PackageReference Include="Bullseye" />\n  </ItemGroup>\n</Project>\n',
      'build/Program.cs': program,
    };
    expect(chains(tree)).toEqual([
      '.github/workflows/ci.yml:7 → build/Program.cs:11 (Bullseye target format) → CSharpier',
      '.github/workflows/ci.yml:7 → build/Program.cs:13 (Bullseye target build) → dotnet build',
      '.github/workflows/ci.yml:7 → build/Program.cs:21 (Bullseye target test) → dotnet test',
    ]);
    // Only the target named after `--` (and what it depends on); the clean target's glob list is no dependency.
    const only = {
      ...tree,
      '.github/workflows/ci.yml': gha('      - run: dotnet run --project build/build.csproj -- build\n'),
    };
    expect(chains(only).map((c) => c.split(' → ').at(-1))).toEqual(['CSharpier', 'dotnet build']);
  });

  it('Cake: dotnet cake --target runs the task and its dependencies', () => {
    const tree = {
      'azure-pipelines.yml': 'steps:\n- script: dotnet cake --target=Test\n',
      'build.cake':
        'var target = Argument("target", "Default");\n\nTask("Build")\n    .Does(() => DotNetBuild("./App.sln"));\n\nTask("Test")\n    .IsDependentOn("Build")\n    .Does(() => DotNetTest("./App.sln"));\n\nRunTarget(target);\n',
    };
    expect(chains(tree)).toEqual([
      'azure-pipelines.yml:2 → build.cake:4 (Cake target Build) → dotnet build',
      'azure-pipelines.yml:2 → build.cake:8 (Cake target Test) → dotnet test',
    ]);
  });
});

describe('command graph: CI catalogues and defaults', () => {
  it('marketplace actions run their tools, by their inputs', () => {
    const tree = {
      '.github/workflows/ci.yml': gha(
        '      - uses: golangci/golangci-lint-action@v6\n      - uses: github/codeql-action/analyze@v3\n      - uses: cypress-io/github-action@v6\n        with:\n          command: npm run e2e\n      - uses: pre-commit/action@v3.0.1\n',
      ),
      'package.json': '{\n  "scripts": {\n    "e2e": "playwright test"\n  }\n}\n',
      '.pre-commit-config.yaml':
        'repos:\n  - repo: https://github.com/psf/black\n    rev: 24.4.2\n    hooks:\n      - id: black\n',
    };
    expect(chains(tree)).toEqual([
      '.github/workflows/ci.yml:7 → golangci-lint',
      '.github/workflows/ci.yml:8 → CodeQL',
      '.github/workflows/ci.yml:9 → .github/workflows/ci.yml:9 (input of cypress-io/github-action) → package.json:3 (npm script e2e) → Playwright',
      '.github/workflows/ci.yml:12 → .pre-commit-config.yaml:5 (pre-commit hook black) → Black',
    ]);
  });

  it('a docker:// step runs the image named after its tool with `args:`; `entrypoint:` names another program', () => {
    const tree = {
      '.github/workflows/lint.yml': gha(
        '      - name: PHP-CS-Fixer\n        uses: docker://ghcr.io/php-cs-fixer/php-cs-fixer:3-php8.4\n        with:\n          args: check --diff --using-cache=no\n      - uses: docker://hadolint/hadolint:v2.12.0\n        with:\n          entrypoint: hadolint\n          args: Dockerfile\n',
      ),
    };
    expect(chains(tree, 'format')).toEqual(['.github/workflows/lint.yml:8 → PHP-CS-Fixer']);
    expect(chains(tree, 'lint')).toContain('.github/workflows/lint.yml:11 → hadolint');
  });

  it('release actions and a release make target reach their tools; a release script that only deploys is no release', () => {
    const tree = {
      '.github/workflows/release.yml': gha(
        '      - uses: release-drafter/release-drafter@v6\n      - uses: python-semantic-release/python-semantic-release@v9\n      - run: make release\n      - run: ./scripts/release.sh\n',
      ),
      Makefile: 'release:\n\tgoreleaser release --clean\n',
      'scripts/release.sh': '#!/bin/sh\nkubectl apply -f deploy/\n',
    };
    expect(chains(tree, 'release')).toEqual([
      '.github/workflows/release.yml:7 → Release Drafter',
      '.github/workflows/release.yml:8 → semantic-release',
      '.github/workflows/release.yml:9 → Makefile:2 (make release) → GoReleaser release',
    ]);
    expect(chains(tree, 'deploy')).toEqual(['.github/workflows/release.yml:10 → scripts/release.sh:2 → kubectl']);
  });

  it('release tools of the CI catalogues: Azure GitHubRelease tasks (not a delete), GitLab release: keyword, gh release create; coverage published by Azure', () => {
    const azure = {
      'azure-pipelines.yml':
        'stages:\n- stage: Publish\n  jobs:\n  - job: Publish\n    steps:\n    - task: PublishCodeCoverageResults@2\n      inputs:\n        summaryFileLocation: coverage.cobertura.xml\n    - task: GitHubRelease@1\n      inputs:\n        gitHubConnection: bot\n        action: create\n        tag: v$(Build.BuildNumber)\n        addChangeLog: true\n    - task: GitHubRelease@0\n      inputs:\n        action: delete\n        tag: nightly\n',
    };
    expect(chains(azure, 'release')).toEqual(['azure-pipelines.yml:9 → GitHub release']);
    expect(chains(azure, 'coverage')).toEqual(['azure-pipelines.yml:6 → Azure code coverage']);
    const gitlab = {
      '.gitlab-ci.yml':
        'stages: [build, release]\nbuild:\n  stage: build\n  script:\n    - make build\nrelease_job:\n  stage: release\n  image: registry.gitlab.com/gitlab-org/release-cli:latest\n  rules:\n    - if: $CI_COMMIT_TAG\n  script:\n    - echo "releasing $CI_COMMIT_TAG"\n  release:\n    tag_name: $CI_COMMIT_TAG\n    description: CHANGELOG.md\nnotes:\n  script:\n    - gh release create "$CI_COMMIT_TAG" --notes-file notes.md\n',
    };
    expect(chains(gitlab, 'release')).toEqual(['.gitlab-ci.yml:18 → gh release', '.gitlab-ci.yml:13 → GitLab release']);
  });

  it('Azure DevOps tasks by their inputs, and a Bash task running a script file', () => {
    const tree = {
      'azure-pipelines.yml':
        'steps:\n- task: DotNetCoreCLI@2\n  inputs:\n    command: test\n    projects: "**/*Tests.csproj"\n- task: Maven@4\n  inputs:\n    goals: clean verify\n- task: Bash@3\n  inputs:\n    targetType: filePath\n    filePath: ci/lint.sh\n',
      'ci/lint.sh': '#!/bin/bash\nflake8 src\n',
    };
    expect(chains(tree)).toEqual([
      'azure-pipelines.yml:2 → dotnet test',
      'azure-pipelines.yml:6 → Maven build',
      'azure-pipelines.yml:9 → ci/lint.sh:2 → Flake8',
    ]);
  });

  it("a Jenkins plugin's buildPlugin() runs Maven's install, and the Jenkins project's reusable workflows scan and release", () => {
    const tree = {
      Jenkinsfile:
        "// Windows agents are slow\nbuildPlugin(useContainerAgent: true, configurations: [[platform: 'linux', jdk: 21]])\n",
      // The plugin parent POM binds spotless:check; the property switches it on.
      'pom.xml':
        '<project><artifactId>demo</artifactId><properties><spotless.check.skip>false</spotless.check.skip></properties></project>\n',
      '.github/workflows/scan.yml':
        'on: push\njobs:\n  security-scan:\n    uses: jenkins-infra/jenkins-security-scan/.github/workflows/jenkins-security-scan.yaml@v2\n',
    };
    expect(chains(tree, 'test')).toEqual([
      'Jenkinsfile:2 (Jenkins library step buildPlugin: mvn -B -Dmaven.test.failure.ignore=true clean install) → JUnit/TestNG',
    ]);
    expect(chains(tree, 'scan')).toEqual(['.github/workflows/scan.yml:4 → CodeQL']);
    expect(chains(tree, 'format')).toEqual([
      'Jenkinsfile:2 (Jenkins library step buildPlugin: mvn -B -Dmaven.test.failure.ignore=true clean install) → Spotless',
    ]);
  });

  it('Jenkins pipelines named Jenkinsfile_<suffix>: a shared-library pipeline step is opaque, the Gradle tasks it names are followed', () => {
    const Jenkinsfile_CNP =
      "#!groovy\n@Library(\"Infrastructure\") _\nimport uk.gov.hmcts.contino.GradleBuilder\nGradleBuilder builder = new GradleBuilder(this, product)\nwithPipeline(type, product, component) {\n  afterSuccess('test') {\n    builder.gradle('integration')\n  }\n}\n";
    const tree = {
      Jenkinsfile_CNP,
      gradlew: '#!/bin/sh\n',
      'build.gradle':
        "plugins { id 'java' }\ntask integration(type: Test) {\n  useJUnitPlatform()\n}\ndependencies { testImplementation 'org.junit.jupiter:junit-jupiter' }\n",
    };
    expect(chains(tree, 'test')).toEqual(['Jenkinsfile_CNP:7 → JUnit/TestNG']);
    const g = commandGraph(memoryIndex(tree));
    expect(g.unresolved.map((u) => u.remote?.ref)).toEqual(['Jenkins shared library step withPipeline']);
    // Without the library the same call is a function of the file itself: nothing opaque.
    const own = commandGraph(
      memoryIndex({ ...tree, Jenkinsfile_CNP: Jenkinsfile_CNP.replace('@Library("Infrastructure") _\n', '') }),
    );
    expect(own.unresolved.filter((u) => u.remote)).toEqual([]);
  });

  it('a Maven lint plugin without <executions> runs only when its goal is named, even when a later plugin has executions (round 15)', () => {
    const spotbugs = (executions: string) =>
      `<project><build><plugins>\n<plugin>\n<groupId>com.github.spotbugs</groupId>\n<artifactId>spotbugs-maven-plugin</artifactId>\n<version>4.8.6.0</version>${executions}\n</plugin>\n<plugin>\n<artifactId>maven-source-plugin</artifactId>\n<executions><execution><id>attach-sources</id><goals><goal>jar</goal></goals></execution></executions>\n</plugin>\n</plugins></build></project>\n`;
    const Jenkinsfile =
      "pipeline {\n  agent any\n  stages {\n    stage('build') {\n      steps {\n        sh 'mvn clean install'\n      }\n    }\n  }\n}\n";
    expect(chains({ Jenkinsfile, 'pom.xml': spotbugs('') }, 'lint')).toEqual([]);
    expect(
      chains(
        {
          Jenkinsfile,
          'pom.xml': spotbugs('\n<executions><execution><goals><goal>check</goal></goals></execution></executions>'),
        },
        'lint',
      ),
    ).toEqual(['Jenkinsfile:6 → SpotBugs']);
    const named =
      "pipeline {\n  agent any\n  stages {\n    stage('build') {\n      steps {\n        sh 'mvn clean install spotbugs:check'\n      }\n    }\n  }\n}\n";
    expect(chains({ Jenkinsfile: named, 'pom.xml': spotbugs('') }, 'lint')).toEqual(['Jenkinsfile:6 → SpotBugs']);
  });

  it('a Gradle plugin declared `apply false`, or only the SpotBugs annotations, adds no check to gradle build', () => {
    const ci = {
      '.github/workflows/ci.yml': gha('      - run: ./gradlew build\n'),
      gradlew: '#!/bin/sh\n',
    };
    const declared = {
      ...ci,
      'build.gradle.kts':
        'plugins {\n    java\n    id("com.github.spotbugs") version "6.0.26" apply false\n}\ndependencies {\n    compileOnly("com.github.spotbugs:spotbugs-annotations:4.8.6")\n}\n',
    };
    expect(chains(declared, 'lint')).toEqual([]);
    const applied = {
      ...declared,
      'app/build.gradle.kts': 'plugins {\n    id("com.github.spotbugs")\n}\n',
    };
    expect(chains(applied, 'lint')).toEqual(['.github/workflows/ci.yml:7 → SpotBugs']);
  });

  it('tox runs the environments a CI matrix names (TOX_ENV from matrix objects, -e from include entries), not the whole env list (round 15)', () => {
    const toxIni =
      '[tox]\nenvlist = py, style\n\n[testenv]\ncommands = pytest tests\n\n[testenv:random]\ncommands = pytest -p randomly tests\n\n[testenv:style]\ncommands = ruff check .\n';
    const nightly =
      "on:\n  schedule:\n    - cron: '0 6 * * *'\njobs:\n  race:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n        config:\n          - {name: Random 3.13, python: '3.13', tox: random}\n          - {name: Random 3.12, python: '3.12', tox: random}\n    steps:\n      - uses: actions/checkout@v4\n      - run: tox run\n        env:\n          TOX_ENV: ${{ matrix.config.tox }}\n";
    const tree = { 'tox.ini': toxIni, '.github/workflows/nightly.yml': nightly };
    expect(chains(tree, 'lint')).toEqual([]);
    expect(chains(tree, 'test')).toEqual(['.github/workflows/nightly.yml:14 → tox.ini:8 (tox env random) → pytest']);
    const include =
      "on: push\njobs:\n  tox:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n        include:\n          - {python: '3.12', env: py}\n          - {python: '3.12', env: style}\n          - {python: '3.13'}\n    steps:\n      - run: tox -e ${{ matrix.env }}\n";
    expect(chains({ 'tox.ini': toxIni, '.github/workflows/tox.yml': include }, 'lint')).toEqual([
      '.github/workflows/tox.yml:12 → tox.ini:11 (tox env style) → Ruff',
    ]);
    // An expression not written out names an environment not known here: the base commands, never style.
    const expr = nightly.replace('${{ matrix.config.tox }}', "${{ matrix.tox || format('py{0}', matrix.python) }}");
    expect(chains({ 'tox.ini': toxIni, '.github/workflows/nightly.yml': expr }, 'lint')).toEqual([]);
  });

  it('tox -eflake8 (env glued to -e) and tox -e flake8,py3 run those environments only (round 17)', () => {
    const toxIni =
      '[tox]\nenvlist = py38, py39, flake8\n\n[testenv]\ncommands = pytest --cov=api tests\n\n[testenv:flake8]\ncommands = flake8 api tests\n';
    const wf = (run: string) =>
      `on: push\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ${run}\n`;
    const glued = { 'tox.ini': toxIni, '.github/workflows/tests.yml': wf('tox -eflake8') };
    expect(chains(glued, 'test')).toEqual([]);
    expect(chains(glued, 'lint')).toEqual(['.github/workflows/tests.yml:6 → tox.ini:8 (tox env flake8) → Flake8']);
    // TOXENV set on the job does not override an environment glued to -e.
    const withVar = {
      'tox.ini': toxIni,
      '.github/workflows/tests.yml': wf('tox -eflake8\n        env:\n          TOXENV: py39'),
    };
    expect(chains(withVar, 'test')).toEqual([]);
    const list = { 'tox.ini': toxIni, '.github/workflows/tests.yml': wf('tox -e flake8,py39') };
    expect(chains(list, 'lint')).toEqual(['.github/workflows/tests.yml:6 → tox.ini:8 (tox env flake8) → Flake8']);
    expect(chains(list, 'test')).toEqual(['.github/workflows/tests.yml:6 → tox.ini:5 (tox env py39) → pytest']);
  });

  it('a formatter check bound to the validate phase runs in every Maven build; its rewriting goal checks nothing', () => {
    const pom = (goal: string) =>
      `<project><build><plugins><plugin>\n<groupId>io.spring.javaformat</groupId>\n<artifactId>spring-javaformat-maven-plugin</artifactId>\n<executions><execution><phase>validate</phase><goals><goal>${goal}</goal></goals></execution></executions>\n</plugin></plugins></build></project>\n`;
    const ci = '.github/workflows/build.yml';
    const workflow = 'on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./mvnw -B compile\n';
    expect(chains({ [ci]: workflow, 'pom.xml': pom('validate') }, 'format')).toEqual([
      '.github/workflows/build.yml:6 → Spring Java Format',
    ]);
    const graph = commandGraph(memoryIndex({ [ci]: workflow, 'pom.xml': pom('apply') }));
    const fmt = graph.runs.flatMap((r) => r.tools).find((t) => t.name === 'Spring Java Format');
    expect(fmt?.mode).toBe('write');
  });

  it('CircleCI orbs, Travis defaults and GitLab templates', () => {
    expect(
      chains({
        '.circleci/config.yml':
          'version: 2.1\norbs:\n  node: circleci/node@5.2\nworkflows:\n  ci:\n    jobs:\n      - node/test:\n          run-command: test:ci\n',
        'package.json': '{\n  "scripts": {\n    "test:ci": "jest --ci"\n  }\n}\n',
      }),
    ).toEqual(['.circleci/config.yml:7 (orb circleci/node@5.2/test) → package.json:3 (npm script test:ci) → Jest']);
    expect(
      chains({
        '.travis.yml': 'language: node_js\nnode_js: [20]\n',
        'package.json': '{\n  "scripts": {\n    "test": "mocha"\n  }\n}\n',
      }),
    ).toEqual(['.travis.yml:1 (Travis default script for node_js) → package.json:3 (npm script test) → Mocha']);
    expect(chains({ '.travis.yml': 'language: python\npython: ["3.12"]\n' })).toEqual([]);
    // Gradle projects get `gradle check` (the wrapper when present); an included job without a script gets the default too.
    expect(
      chains(
        {
          '.travis.yml':
            'language: java\njobs:\n  include:\n    - name: docs\n      script: ./gradlew javadoc\n    - name: unit\n      jdk: openjdk17\n',
          'build.gradle': "plugins { id 'java' }\n",
          gradlew: '#!/bin/sh\n',
        },
        'test',
      ),
    ).toEqual(['.travis.yml:6 (Travis default script for java) → JUnit/TestNG']);
    expect(chains({ '.gitlab-ci.yml': 'include:\n  - template: Security/SAST.gitlab-ci.yml\n' }, 'scan')).toEqual([
      '.gitlab-ci.yml:2 → GitLab security scanning',
    ]);
  });

  it("a local reusable workflow runs its callers' inputs (or the declared default), each caller separately", () => {
    const tree: Tree = {
      '.github/workflows/ci.yml':
        'on: push\njobs:\n  ruff:\n    uses: ./.github/workflows/make.yml\n    with:\n      make: checkruff\n  types:\n    uses: ./.github/workflows/make.yml\n    with:\n      make: mypy\n      python: ${{ matrix.python }}\n  unit:\n    uses: ./.github/workflows/tests.yml\n    with:\n      suite: "uv run pytest tests/unit"\n  plain:\n    uses: ./.github/workflows/make.yml\n',
      '.github/workflows/make.yml':
        'on:\n  workflow_call:\n    inputs:\n      make:\n        type: string\n        default: docs\njobs:\n  make:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make ${{ inputs.make }}\n',
      '.github/workflows/tests.yml':
        'on:\n  workflow_call:\n    inputs:\n      suite:\n        type: string\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: pavelzw/pytest-action@v2\n        with:\n          custom-pytest: ${{ inputs.suite }}\n',
      Makefile: 'checkruff:\n\truff check .\nmypy:\n\tmypy lnb\ndocs:\n\tmkdocs build\n',
    };
    expect(chains(tree, 'lint')).toEqual([
      '.github/workflows/ci.yml:4 → .github/workflows/make.yml:11 (job make) → Makefile:2 (make checkruff) → Ruff',
    ]);
    expect(chains(tree, 'typecheck')).toEqual([
      '.github/workflows/ci.yml:8 → .github/workflows/make.yml:11 (job make) → Makefile:4 (make mypy) → mypy',
    ]);
    expect(chains(tree, 'test')).toEqual([
      '.github/workflows/ci.yml:13 → .github/workflows/tests.yml:10 → .github/workflows/tests.yml:10 (input of pavelzw/pytest-action) → pytest',
    ]);
    // The caller that passes nothing gets the declared default, not another caller's value.
    const runs = commandGraph(memoryIndex(tree)).runs.filter((r) => r.origin.job === 'plain');
    expect(runs.map((r) => r.argv.join(' '))).toEqual(['mkdocs build']);
  });

  it("a composite action's run uses the caller's with: value, else the input's default", () => {
    const tree: Tree = {
      '.github/workflows/ci.yml': gha(
        '      - uses: ./.github/actions/make\n      - uses: ./.github/actions/make\n        with:\n          target: test\n',
      ),
      '.github/actions/make/action.yml':
        'inputs:\n  target:\n    default: lint\nruns:\n  using: composite\n  steps:\n    - run: make ${{ inputs.target }}\n      shell: bash\n',
      Makefile: 'lint:\n\teslint .\ntest:\n\tjest\n',
    };
    expect(chains(tree)).toEqual([
      '.github/workflows/ci.yml:7 → .github/actions/make/action.yml:7 (composite action .github/actions/make) → Makefile:2 (make lint) → ESLint',
      '.github/workflows/ci.yml:8 → .github/actions/make/action.yml:7 (composite action .github/actions/make) → Makefile:4 (make test) → Jest',
    ]);
  });

  it("a composite action's step variable that carries an input runs the caller's value (a Gradle runner action, round 9)", () => {
    const tree: Tree = {
      '.github/workflows/ci.yml': gha(
        '      - uses: ./.github/actions/run-gradle\n        with:\n          arguments: test\n      - uses: ./.github/actions/run-gradle\n        with:\n          arguments: >\n            publishToMavenCentral\n            --no-configuration-cache\n',
      ),
      '.github/actions/run-gradle/action.yml':
        "inputs:\n  arguments:\n    required: true\nruns:\n  using: composite\n  steps:\n    - name: Run gradle\n      env:\n        GRADLE_ARGS: ${{ inputs.arguments }}\n      shell: bash\n      run: |\n        for ((i=1; i<=2; i++)); do\n          ./gradlew --warning-mode all -Dscan.tag.${GITHUB_WORKFLOW// /_} \\\n            ${GRADLE_ARGS//$'\\n'/ } && break\n        done\n",
      'build.gradle.kts': 'plugins { `java-library` }\n',
    };
    expect(chains(tree, 'test')).toEqual([
      '.github/workflows/ci.yml:7 → .github/actions/run-gradle/action.yml:13 (composite action .github/actions/run-gradle) → JUnit/TestNG',
    ]);
    const g = commandGraph(memoryIndex(tree));
    expect(g.runs.map((r) => r.argv.join(' '))).toContain(
      './gradlew --warning-mode all -Dscan.tag.$GITHUB_WORKFLOW publishToMavenCentral --no-configuration-cache',
    );
  });

  it("a target run inside a directory `git clone` made is another repository's, not this Makefile's", () => {
    const tree: Tree = {
      '.github/workflows/ci.yml': gha(
        '      - run: |\n          git clone https://github.com/acme/plugins\n          cd plugins\n          make test\n      - run: make test\n',
      ),
      Makefile: 'test:\n\tpytest tests\n',
    };
    const g = commandGraph(memoryIndex(tree));
    expect(runsOf(g, 'test').map((r) => describeChain(r))).toEqual([
      '.github/workflows/ci.yml:11 → Makefile:2 (make test) → pytest',
    ]);
    expect(g.unresolved.map((u) => u.reason)).toContain(
      "runs in plugins, a clone of https://github.com/acme/plugins: another repository's code",
    );
  });

  it('a missing definition falls back to the convention only for the conventional name, and says so', () => {
    const g = commandGraph(
      memoryIndex({
        '.gitlab-ci.yml':
          'test:\n  script:\n    - cmake -S . -B build\n    - make -C build test\n    - make -C build docs\n',
      }),
    );
    const runs = runsOf(g, 'test');
    expect(runs.map((r) => r.argv.join(' '))).toEqual(['make -C build test']);
    expect(runs[0]!.tools[0]!.implied).toContain('no Makefile in build');
  });
});

describe('command graph: commit hooks', () => {
  it('infrastructure hooks: gruntwork helmlint, terragrunt validate, checkov', () => {
    const tree = {
      '.pre-commit-config.yaml':
        'repos:\n  - repo: https://github.com/gruntwork-io/pre-commit\n    rev: v0.1.23\n    hooks:\n      - id: helmlint\n  - repo: https://github.com/antonbabenko/pre-commit-terraform\n    rev: v1.96.1\n    hooks:\n      - id: terragrunt_validate\n      - id: terraform_checkov\n',
    };
    expect(chains(tree, 'lint', 'hook')).toEqual([
      '.pre-commit-config.yaml:5 (pre-commit hook helmlint) → helm lint',
      '.pre-commit-config.yaml:9 (pre-commit hook terragrunt_validate) → terragrunt',
    ]);
    expect(chains(tree, 'scan', 'hook')).toEqual([
      '.pre-commit-config.yaml:10 (pre-commit hook terraform_checkov) → Checkov',
    ]);
  });

  it('pre-commit.ci (the `ci:` block) runs the hooks it does not skip in CI; without it they are commit hooks only', () => {
    const hooks =
      'repos:\n  - repo: https://github.com/astral-sh/ruff-pre-commit\n    rev: v0.6.0\n    hooks:\n      - id: ruff\n      - id: ruff-format\n  - repo: local\n    hooks:\n      - id: mypy\n        name: mypy\n        entry: mypy src\n        language: system\n';
    const withCi = { '.pre-commit-config.yaml': `ci:\n  autoupdate_schedule: monthly\n  skip: [mypy]\n${hooks}` };
    expect(chains(withCi, 'lint')).toEqual([
      '.pre-commit-config.yaml:1 (pre-commit.ci runs the hooks on pull requests) → .pre-commit-config.yaml:8 (pre-commit hook ruff) → Ruff',
    ]);
    expect(chains(withCi, 'format')).toEqual([
      '.pre-commit-config.yaml:1 (pre-commit.ci runs the hooks on pull requests) → .pre-commit-config.yaml:9 (pre-commit hook ruff-format) → Ruff format',
    ]);
    expect(chains({ '.pre-commit-config.yaml': hooks }, 'lint')).toEqual([]);
    // The README's pre-commit.ci badge says the app runs the hooks, without a `ci:` block.
    const badge = {
      '.pre-commit-config.yaml': hooks,
      'README.md':
        '# Board\n\n[![pre-commit.ci status](https://results.pre-commit.ci/badge/github/acme/board/main.svg)](https://results.pre-commit.ci/latest/github/acme/board/main)\n',
    };
    expect(chains(badge, 'lint')[0]).toBe(
      'README.md:3 (pre-commit.ci runs the hooks on pull requests) → .pre-commit-config.yaml:5 (pre-commit hook ruff) → Ruff',
    );
  });

  it('husky scripts, lint-staged in package.json and lefthook', () => {
    const tree = {
      '.husky/pre-commit': 'npx lint-staged\n',
      'package.json': '{\n  "lint-staged": {\n    "*.ts": ["eslint --fix", "prettier --write"]\n  }\n}\n',
      'lefthook.yml': 'pre-push:\n  commands:\n    test:\n      run: go test ./...\n',
    };
    expect(chains(tree, undefined, 'hook')).toEqual([
      '.husky/pre-commit:1 (husky pre-commit) → package.json:3 (lint-staged *.ts) → ESLint',
      '.husky/pre-commit:1 (husky pre-commit) → package.json:3 (lint-staged *.ts) → Prettier',
      'lefthook.yml:4 (lefthook pre-push) → go test',
    ]);
  });

  it('husky `yarn lint-staged` without a script of that name runs the binary: .lintstagedrc.json, and `pnpm prettier`', () => {
    const tree = {
      '.husky/pre-commit': '#!/bin/sh\n. "$(dirname "$0")/_/husky.sh"\n\nyarn lint-staged\npnpm prettier --check .\n',
      'package.json': '{\n  "scripts": { "lint": "eslint ." },\n  "devDependencies": { "lint-staged": "^11.0.0" }\n}\n',
      '.lintstagedrc.json': '{\n  "*.js": "eslint"\n}\n',
    };
    expect(chains(tree, undefined, 'hook')).toEqual([
      '.husky/pre-commit:4 (husky pre-commit) → .lintstagedrc.json:2 (lint-staged *.js) → ESLint',
      '.husky/pre-commit:5 (husky pre-commit) → Prettier',
    ]);
  });
});

describe('command graph: hostile input', () => {
  it('targets that call each other in a fan-out stop at the bounds without throwing', () => {
    const targets = Array.from(
      { length: 12 },
      (_, i) => `t${i}:\n${Array.from({ length: 12 }, () => `\t$(MAKE) t${i + 1} t0\n`).join('')}`,
    );
    const tree = {
      '.github/workflows/ci.yml': gha('      - run: make t0\n'),
      Makefile: `${targets.join('\n')}\nt12:\n\tpytest\n`,
      'scripts/a.sh': '#!/bin/sh\n./scripts/a.sh\nbash scripts/a.sh\n',
      'package.json': '{"scripts":{"test":"npm test","lint":"npm run lint"}}',
    };
    tree['.github/workflows/ci.yml'] = gha(
      '      - run: make t0\n      - run: ./scripts/a.sh\n      - run: npm test && npm run lint\n',
    );
    const g = commandGraph(memoryIndex(tree));
    expect(g.runs.length).toBeLessThanOrEqual(20_000);
    expect(g.unresolved.length).toBeLessThanOrEqual(500);
  });
});

describe('command graph: a shell held in a variable runs a script', () => {
  it('make `$(BASH) -xe ./scripts/test.sh` with BASH from `$(shell command -v bash)`, and `$SHELL -e x.sh`, are followed', () => {
    const tree: Tree = {
      '.github/workflows/ci.yml': gha('      - run: make unittest\n      - run: $SHELL -e ./scripts/check.sh\n'),
      Makefile:
        'BASH ?= $(shell command -v bash 2> /dev/null)\n\n.PHONY: unittest\nunittest:\n\tGO_FLAGS="$(GO_FLAGS)" $(BASH) -xe ./scripts/test.sh\n',
      'scripts/test.sh': '#!/usr/bin/env bash\nset -e\n\ngo test -race ./...\n',
      'scripts/check.sh': '#!/bin/sh\ngolangci-lint run\n',
    };
    expect(chains(tree, 'test')).toEqual([
      '.github/workflows/ci.yml:7 → Makefile:5 (make unittest) → scripts/test.sh:4 → go test',
    ]);
    expect(chains(tree, 'lint')).toEqual(['.github/workflows/ci.yml:8 → scripts/check.sh:2 → golangci-lint']);
  });
});

describe('command graph: PowerShell build scripts', () => {
  const POSH =
    'param([string[]]$targets = \'default\')\n$ErrorActionPreference = "Stop"\n. (Join-Path $build_dir "Posh-Build.ps1")\n\ntarget default -depends compile, test\n\ntarget compile {\n  Invoke-Dotnet build $solution_file -c $configuration\n}\n\ntarget test {\n  Invoke-Dotnet test $solution_file -c $configuration --no-build\n}\n\nStart-Build $targets\n';
  it('posh-build `Invoke-Dotnet test` in ./build.ps1 run by CI builds and tests', () => {
    const tree: Tree = {
      '.github/workflows/ci.yml': gha('      - run: ./build.ps1\n        shell: pwsh\n'),
      'build.ps1': POSH,
    };
    expect(chains(tree, 'test')).toEqual(['.github/workflows/ci.yml:7 → build.ps1:12 → dotnet test']);
    expect(chains(tree, 'build')).toEqual(['.github/workflows/ci.yml:7 → build.ps1:8 → dotnet build']);
    // The evidence quotes the script's own line, wrapper and all.
    const run = runsOf(commandGraph(memoryIndex(tree)), 'test')[0]!;
    expect(run.chain.at(-1)?.text).toBe('Invoke-Dotnet test $solution_file -c $configuration --no-build');
  });

  it('a `<# … #>` help block above keeps every later line number true (round 19)', () => {
    const script = [
      '# Taken from a build helper', // 1
      '', // 2
      '<#', // 3
      '.SYNOPSIS', // 4
      '  Runs a script block and throws when $lastexitcode is not zero.', // 5
      '.EXAMPLE', // 6
      '  exec { svn info $trunk } "svn failed"', // 7
      '#>', // 8
      'function Exec', // 9
      '{', // 10
      '    param([scriptblock]$cmd)', // 11
      '    & $cmd', // 12
      '}', // 13
      '', // 14
      '$artifacts = ".\\artifacts"', // 15
      '', // 16
      'exec { & dotnet test -c Release --results-directory $artifacts }', // 17
      '', // 18
      'exec { & dotnet pack .\\src\\Lib\\Lib.csproj -c Release -o $artifacts --no-build }', // 19
      '', // 20
    ].join('\n');
    const tree: Tree = {
      '.github/workflows/ci.yml': gha('      - run: ./Build.ps1\n        shell: pwsh\n'),
      'Build.ps1': script,
    };
    expect(chains(tree, 'test')).toEqual(['.github/workflows/ci.yml:7 → Build.ps1:17 → dotnet test']);
    // `dotnet pack` builds: cited at its own line, two below the test (the blank line between is kept).
    expect(chains(tree, 'build')).toEqual(['.github/workflows/ci.yml:7 → Build.ps1:19 → dotnet build']);
    const run = runsOf(commandGraph(memoryIndex(tree)), 'test')[0]!;
    expect(run.chain.at(-1)?.text).toContain('dotnet test -c Release');
  });

  it('psake `Exec { dotnet test }` run through `pwsh -File` and `powershell build.ps1`', () => {
    const psake =
      'Task default -Depends Test\n\nTask Test -Depends Compile {\n    Exec { dotnet test ./src/App.sln --configuration Release }\n}\n\nTask Compile {\n    exec { & dotnet build ./src/App.sln }\n}\n';
    const tree: Tree = {
      '.github/workflows/ci.yml': gha(
        '      - run: pwsh -File ./psakefile.ps1\n      - run: powershell ./tools/lint.ps1\n',
      ),
      'psakefile.ps1': psake,
      'tools/lint.ps1': '& dotnet format --verify-no-changes\n',
    };
    expect(chains(tree, 'test')).toEqual(['.github/workflows/ci.yml:7 → psakefile.ps1:4 → dotnet test']);
    expect(chains(tree, 'build')).toEqual(['.github/workflows/ci.yml:7 → psakefile.ps1:8 → dotnet build']);
    expect(chains(tree, 'format')).toEqual(['.github/workflows/ci.yml:8 → tools/lint.ps1:1 → dotnet format']);
  });
});
