import { describe, expect, it } from 'vitest';
import { memoryIndex } from '../../testing/memory.js';
import type { ToolKind } from '../../types.js';
import { commandGraph } from './index.js';
import { commandsOf } from './shell.js';
import { classify } from './tools.js';

/** The kinds of tool a one-line CI step runs, as the command graph decides them (no file to follow). */
function kinds(line: string): ToolKind[] {
  const g = commandGraph(memoryIndex({ '.gitlab-ci.yml': `t:\n  script:\n    - ${JSON.stringify(line)}\n` }));
  return [...new Set(g.runs.flatMap((r) => r.tools.flatMap((t) => t.kinds)))].sort();
}

describe('tool classification', () => {
  it('test runners across ecosystems, by program and arguments; skipped tests are not tests', () => {
    for (const t of [
      'pytest -q',
      'go test ./...',
      './mvnw -B verify',
      './gradlew check',
      'dotnet test',
      'cargo nextest run',
      'bundle exec rspec',
      'bazel test //...',
      'python manage.py test',
      'python -Wa manage.py test --parallel',
      'python3 -X dev -m pytest',
      'php artisan test',
      'xvfb-run -a npx playwright test',
      'sbt +test',
    ])
      expect(kinds(t), t).toContain('test');
    for (const t of [
      'mvn -B install -DskipTests',
      './gradlew build -x test',
      'npm ci',
      'echo test',
      'java -jar app.jar',
      'echo pytest',
    ])
      expect(kinds(t), t).not.toContain('test');
  });
  it('linters, formatters, scanners and deploys, and their dry runs', () => {
    expect(kinds('biome ci .')).toEqual(['format', 'lint']);
    expect(kinds('ruff format --check .')).toEqual(['format']);
    expect(kinds('poetry run ruff check .')).toEqual(['lint']);
    expect(kinds('cargo +nightly clippy -- -D warnings')).toEqual(['lint']);
    expect(kinds('npm audit --omit=dev')).toEqual(['scan']);
    expect(kinds('trivy fs .')).toEqual(['scan']);
    expect(kinds('helm upgrade --install api ./chart')).toEqual(['deploy']);
    expect(kinds('kubectl apply --dry-run=client -f k8s')).toEqual([]);
    expect(kinds('terraform apply -auto-approve')).toEqual(['deploy']);
    expect(kinds('terraform plan')).toEqual(['build']);
  });
  it('infrastructure tools: chart testing, manifest validation, IaC linting and release tools', () => {
    expect(kinds('ct lint --config ct.yaml')).toEqual(['lint']);
    // Installing a chart in a throwaway cluster is no run of the project's tests.
    expect(kinds('ct install --all')).toEqual(['build']);
    expect(kinds('ct lint-and-install')).toEqual(['build', 'lint']);
    expect(kinds('helm lint charts/web')).toEqual(['lint']);
    expect(kinds('helm test web')).toEqual(['test']);
    expect(kinds('helm plugin install https://github.com/helm-unittest/helm-unittest')).toEqual([]);
    expect(kinds('kubeconform -strict k8s/')).toEqual(['lint']);
    expect(kinds('terraform validate')).toEqual(['build', 'lint']);
    expect(kinds('terraform fmt -check -recursive')).toEqual(['format']);
    expect(kinds('tflint --recursive')).toEqual(['lint']);
    expect(kinds('checkov -d .')).toEqual(['scan']);
    expect(kinds('trivy config .')).toEqual(['scan']);
    expect(kinds('cr upload --owner acme')).toEqual(['release']);
    expect(kinds('npx semantic-release')).toEqual(['release']);
    expect(kinds('goreleaser release --clean')).toEqual(['build', 'release']);
    expect(kinds('goreleaser release --snapshot')).toEqual(['build']);
    expect(kinds('gh release create v1.2.0')).toEqual(['release']);
    expect(kinds('npm publish --dry-run')).toEqual([]);
    expect(kinds('terragrunt hclfmt --terragrunt-check')).toEqual(['format']);
    // A version manager only starts the pinned tool (`mise x -- tflint`, `asdf exec terraform validate`).
    expect(kinds('mise x -- tflint --no-color --chdir=. --config=.tflint.hcl')).toEqual(['lint']);
    expect(kinds('mise exec terraform@1.9 -- terraform -chdir=infra validate -no-color')).toEqual(['build', 'lint']);
    expect(kinds('rtx x -- terraform fmt -check')).toEqual(['format']);
    expect(kinds('asdf exec tflint --recursive')).toEqual(['lint']);
    // Installing the tools, or listing them, runs none of them.
    expect(kinds('mise install tflint')).toEqual([]);
    expect(kinds('mise x terraform@1.9')).toEqual([]);
  });

  it('releases cut by version bumps, release plugins and pushed tags; dry runs and a plain push are not', () => {
    expect(kinds('cz bump --yes')).toEqual(['release']);
    expect(kinds('cz bump --dry-run')).toEqual([]);
    expect(kinds('bump-my-version bump minor')).toEqual(['release']);
    expect(kinds('npx lerna version --conventional-commits')).toEqual(['release']);
    expect(kinds('cargo release --execute minor')).toEqual(['release']);
    expect(kinds('release-plz release')).toEqual(['release']);
    expect(kinds('sbt ci-release')).toEqual(['release']);
    expect(kinds('sbt publishLocal')).toEqual([]);
    expect(kinds('mvn -B release:prepare release:perform')).toEqual(['release']);
    expect(kinds('semantic-release --dry-run')).toEqual([]);
    expect(kinds('git push --follow-tags origin main')).toEqual(['release']);
    expect(kinds('git push origin main')).toEqual([]);
  });
  it('coverage measured by the test command, and the floors that fail the run', () => {
    const cov = (line: string) =>
      classify(commandsOf(line)[0]!.argv)
        .filter((t) => t.kinds.includes('coverage'))
        .map(
          (t) =>
            `${t.name}${t.kinds.includes('coverage-gate') ? ` gate${t.threshold !== undefined ? ` ${t.threshold}` : ''}` : ''}`,
        );
    expect(cov('go test -cover -race ./...')).toEqual(['go test -cover']);
    expect(cov('go test -coverprofile=c.out ./...')).toEqual(['go test -cover']);
    expect(cov('go test ./...')).toEqual([]);
    expect(cov('pytest --cov=app')).toEqual(['pytest-cov']);
    expect(cov('pytest --cov=app --cov-fail-under=90')).toEqual(['pytest-cov --cov-fail-under gate 90']);
    expect(cov('coverage report --fail-under 75')).toEqual(['coverage.py --fail-under gate 75']);
    expect(cov('jest --coverage')).toEqual(['Jest --coverage']);
    expect(cov('vitest run --coverage.enabled --coverage.thresholds.lines=80')).toEqual([
      'Vitest coverage thresholds gate 80',
    ]);
    expect(cov('nyc check-coverage --lines 95')).toEqual(['nyc check-coverage gate 95']);
    expect(cov('dotnet test /p:CollectCoverage=true /p:Threshold=80')).toEqual(['coverlet /p:Threshold gate 80']);
    expect(cov('dotnet test --collect "XPlat Code Coverage"')).toEqual(['coverlet']);
    expect(cov('cargo llvm-cov --fail-under-lines 70')).toEqual(['cargo llvm-cov --fail-under gate 70']);
    expect(cov('curl -s https://codecov.io/bash')).toEqual(['Codecov upload']);
    expect(cov('curl -s https://example.com/install.sh')).toEqual([]);
  });
  it('a wrapper that measures coverage is a run of its own: nyc --check-coverage around mocha', () => {
    const g = commandGraph(
      memoryIndex({ '.gitlab-ci.yml': 't:\n  script:\n    - nyc --check-coverage --lines 90 mocha\n' }),
    );
    expect(g.runs.map((r) => [r.argv[0], r.tools.map((t) => t.name)])).toEqual([
      ['nyc', ['nyc check-coverage']],
      ['mocha', ['Mocha']],
    ]);
  });
  it('a grouped program names itself: govulncheck is not reported as gosec', () => {
    expect(classify(['govulncheck', './...']).map((t) => t.name)).toEqual(['govulncheck']);
    expect(classify(['./node_modules/.bin/jest', '--ci']).map((t) => t.name)).toEqual(['Jest']);
  });
});

describe('shell words', () => {
  it('splits operators, drops comments and control keywords, and keeps CI expressions as words', () => {
    expect(
      commandsOf(
        'cd api && npm test # unit\nif [ -f x ]; then make lint; fi\nhelm upgrade --set tag=${{ github.sha }} api .',
      ).map((c) => c.argv[0] ?? `cd ${c.cd}`),
    ).toEqual(['cd api', 'npm', '[', 'make', 'helm']);
  });
  it('never throws on unbalanced quotes or odd substitutions', () => {
    expect(() => commandsOf('echo "unterminated\nfoo $(( 1 + 2 )) ${A:-b}')).not.toThrow();
  });
});

describe('formatter mode', () => {
  const mode = (line: string) => {
    const n = commandsOf(line)[0]!;
    return classify(n.argv).find((t) => t.kinds.includes('format'))?.mode ?? 'check';
  };
  it('a formatter that rewrites the code checks nothing; its checking flags make it a check', () => {
    for (const t of [
      'prettier --write .',
      'black .',
      'cargo fmt --all',
      'dotnet format',
      'terraform fmt',
      'gofmt -w .',
      'ruff format .',
    ])
      expect(mode(t), t).toBe('write');
    for (const t of [
      'prettier --check .',
      'prettier -l "src/**"',
      'black --check --diff .',
      'cargo fmt --all -- --check',
      'dotnet format --verify-no-changes',
      'terraform fmt -check -recursive',
      'ruff format --diff',
      'ruff format --exit-non-zero-on-format .',
    ])
      expect(mode(t), t).toBe('check');
  });
});
