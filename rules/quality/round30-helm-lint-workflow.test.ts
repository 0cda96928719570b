import { describe, expect, it } from 'vitest';
import rule from './linting.js';
import { runRuleOn } from '../../src/testing/rule-tester.js';

const pipeline = (file: string) => ({
  '.github/workflows/pipeline.yml': [
    'on: push',
    'jobs:',
    '  helm_lint:',
    `    uses: acme/shared-actions/.github/workflows/${file}@v2`,
    '    secrets: inherit',
    '',
  ].join('\n'),
  'helm_deploy/app/Chart.yaml': 'apiVersion: v2\nname: app\nversion: 0.1.0\n',
});

describe('linting: a reusable workflow that lints Helm charts is no code linting of a service (blind round 30)', () => {
  it('a Kotlin service whose only lint is test_helm_lint.yml has no linter', async () => {
    const run = await runRuleOn(
      rule,
      {
        ...pipeline('test_helm_lint.yml'),
        'build.gradle.kts': 'plugins { kotlin("jvm") version "2.0.0" }\n',
        'src/main/kotlin/App.kt': 'fun main() {}\n',
      },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('fail');
  });
  it('a workflow named for linting alone still counts', async () => {
    const run = await runRuleOn(
      rule,
      {
        ...pipeline('lint.yml'),
        'build.gradle.kts': 'plugins { kotlin("jvm") version "2.0.0" }\n',
        'src/main/kotlin/App.kt': 'fun main() {}\n',
      },
      { profile: 'service' },
    );
    expect(run.outcome).not.toBe('fail');
  });
  it('in an infrastructure repository the chart lint is the code lint', async () => {
    const run = await runRuleOn(rule, pipeline('helm-lint.yml'), { profile: 'infrastructure' });
    expect(run.outcome).toBe('pass');
  });
});
