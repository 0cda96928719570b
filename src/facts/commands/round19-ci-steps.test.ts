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

const CIRCLE = [
  'version: 2.1',
  'orbs:',
  '  infra: acme/infra@1.4.2',
  'jobs:',
  '  test:',
  '    docker:',
  '      - image: cimg/node:22.4',
  '    parallelism: 4',
  '    steps:',
  '      - checkout',
  '      - run:',
  '          name: Test',
  '          command: |',
  '            ./node_modules/.bin/jest --listTests | circleci tests run --command="xargs ./node_modules/.bin/jest --ci --runInBand --" --split-by=timings',
  '  lint:',
  '    docker:',
  '      - image: cimg/node:22.4',
  '    steps:',
  '      - checkout',
  '      - run: node_modules/.bin/eslint --max-warnings 0 src',
  'workflows:',
  '  build:',
  '    jobs:',
  '      - test',
  '      - lint',
  '      - infra/pulumi-preview:',
  '          context: PROD',
  '      - infra/pulumi-up:',
  '          requires:',
  '            - test',
  '          context: PROD',
  '          filters:',
  '            branches:',
  '              only:',
  '                - main',
  '',
].join('\n');

describe('command graph: round 19 CI commands', () => {
  it('CircleCI: jest by its node_modules/.bin path inside `circleci tests run --command`, an orb job named pulumi-up deploys', () => {
    const tree: Tree = {
      '.circleci/config.yml': CIRCLE,
      'package.json': '{"name":"svc","devDependencies":{"jest":"^29.0.0","eslint":"^9.0.0"}}\n',
    };
    // `jest --listTests` only lists the files; the command circleci starts runs them.
    expect(chains(tree, 'test')).toEqual(['.circleci/config.yml:14 → Jest']);
    expect(chains(tree, 'lint')).toEqual(['.circleci/config.yml:20 → ESLint']);
    // pulumi-preview changes nothing: only pulumi-up is a deploy.
    expect(chains(tree, 'deploy')).toEqual(['.circleci/config.yml:28 (orb acme/infra@1.4.2) → infra/pulumi-up']);
  });

  it('`circleci tests run --command X` (separate word) and `circleci tests split | xargs vendor/bin/phpunit` run the tests', () => {
    const tree: Tree = {
      '.circleci/config.yml': [
        'version: 2.1',
        'jobs:',
        '  test:',
        '    docker:',
        '      - image: cimg/php:8.3',
        '    steps:',
        '      - checkout',
        "      - run: circleci tests glob 'tests/**/*Test.php' | circleci tests run --command 'xargs vendor/bin/phpunit' --verbose",
        "      - run: circleci tests glob 'tests/**/*Test.php' | circleci tests split | xargs ./vendor/bin/phpunit",
        '',
      ].join('\n'),
    };
    expect(chains(tree, 'test')).toEqual(['.circleci/config.yml:8 → PHPUnit', '.circleci/config.yml:9 → PHPUnit']);
  });

  it('Rails: `bundle exec rake spec` and `bin/rails spec` run RSpec (rspec-rails), `bin/rake test` runs rails test', () => {
    const rails = (gemfile: string, steps: string): Tree => ({
      '.github/workflows/ci.yml': gha(steps),
      Rakefile: 'require_relative "config/application"\n\nRails.application.load_tasks\n',
      Gemfile: gemfile,
      'config/application.rb': 'module Shop\n  class Application < Rails::Application\n  end\nend\n',
    });
    const specs = rails(
      'source "https://rubygems.org"\ngem "rails"\ngroup :test do\n  gem "rspec-rails"\nend\n',
      '      - run: bundle exec rake spec\n      - run: bin/rails spec:models\n',
    );
    expect(chains(specs, 'test')).toEqual([
      '.github/workflows/ci.yml:7 → Rakefile:3 (rake spec) → RSpec',
      '.github/workflows/ci.yml:8 → RSpec',
    ]);
    const minitest = rails('source "https://rubygems.org"\ngem "rails"\n', '      - run: bin/rake test\n');
    expect(chains(minitest, 'test')).toEqual(['.github/workflows/ci.yml:7 → Rakefile:3 (rake test) → rails test']);
    // Without rspec-rails there is no spec task: `rake spec` runs nothing known.
    const none = rails('source "https://rubygems.org"\ngem "rails"\n', '      - run: bundle exec rake spec\n');
    expect(chains(none, 'test')).toEqual([]);
  });

  it('a repository script under bin/ is followed as a script, not taken for a binstub', () => {
    const tree: Tree = {
      '.github/workflows/ci.yml': gha('      - run: bin/test\n'),
      'bin/test': '#!/bin/sh\nset -e\n.venv/bin/pytest -q tests\n',
    };
    expect(chains(tree, 'test')).toEqual(['.github/workflows/ci.yml:7 → bin/test:3 → pytest']);
  });

  it('reusable workflows of another repository by their file names, and their `with:` inputs that carry commands', () => {
    const tree: Tree = {
      '.github/workflows/ci.yml': [
        'on: push',
        'jobs:',
        '  lint:',
        '    uses: acme/shared-ci/.github/workflows/lint.yml@main',
        '    with:',
        '      python-version: "3.12"',
        '      install-dependencies: |',
        '        uv sync --frozen --group lint',
        '      extra-checks: just ci-lint',
        '  rubocop:',
        '    uses: acme/shared-ci/.github/workflows/rubocop.yml@main',
        '  audit:',
        '    uses: acme/shared-ci/.github/workflows/zizmor-audit.yml@main',
        '  notes:',
        '    uses: acme/shared-ci/.github/workflows/release-notes.yml@main',
        '    with:',
        '      run-checks: true',
        '',
      ].join('\n'),
      justfile: 'lint-check:\n    ruff format --check . && ruff check .\n\nci-lint: lint-check\n',
    };
    expect(chains(tree, 'lint')).toEqual([
      '.github/workflows/ci.yml:4 → .github/workflows/ci.yml:9 (input extra-checks of acme/shared-ci/.github/workflows/lint.yml) → justfile:2 (just lint-check) → Ruff',
      '.github/workflows/ci.yml:4 → lint workflow',
      '.github/workflows/ci.yml:11 → RuboCop',
    ]);
    expect(chains(tree, 'format')).toEqual([
      '.github/workflows/ci.yml:4 → .github/workflows/ci.yml:9 (input extra-checks of acme/shared-ci/.github/workflows/lint.yml) → justfile:2 (just lint-check) → Ruff format',
      '.github/workflows/ci.yml:11 → RuboCop',
    ]);
    expect(chains(tree, 'scan')).toEqual(['.github/workflows/ci.yml:13 → zizmor']);
    // lint.yml may run more than its name says; rubocop.yml and zizmor-audit.yml name their tool.
    const g = commandGraph(memoryIndex(tree));
    expect(g.unresolved.flatMap((u) => (u.remote ? [u.remote.ref] : []))).toEqual([
      'acme/shared-ci/.github/workflows/lint.yml@main',
      'acme/shared-ci/.github/workflows/release-notes.yml@main',
    ]);
  });
});
