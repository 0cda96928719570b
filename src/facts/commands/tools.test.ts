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
