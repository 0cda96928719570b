import { describe, expect, it } from 'vitest';
import ciPipeline from '../rules/operations/ci-pipeline.js';
import testsInCi from '../rules/quality/tests-in-ci.js';
import { azurePipelineContent, ciFiles } from '../src/facts/ci.js';
import { memoryIndex } from '../src/testing/memory.js';
import { runRuleOn } from '../src/testing/rule-tester.js';

// Azure DevOps lets a pipeline live at any path (blind round 26: `.devops/code-review-pipelines.yml`
// was unseen, so "Tests are not run in CI"). The content decides, within the usual directories.
const PIPELINE = [
  'trigger: none', // 1
  'pr:', // 2
  '  branches:', // 3
  '    include:', // 4
  '      - main', // 5
  'pool:', // 6
  '  vmImage: ubuntu-latest', // 7
  'stages:', // 8
  '  - stage: BuildAndTest', // 9
  '    jobs:', // 10
  '      - job: unit_tests', // 11
  '        steps:', // 12
  '          - checkout: self', // 13
  '          - task: Gradle@3', // 14
  '            inputs:', // 15
  "              gradleWrapperFile: 'gradlew'", // 16
  "              tasks: 'build'", // 17
  '              publishJUnitResults: true', // 18
  '',
].join('\n');

const TREE = {
  'settings.gradle.kts': 'rootProject.name = "desk"\n',
  'build.gradle.kts':
    'plugins {\n  kotlin("jvm") version "2.0.0"\n  id("org.springframework.boot") version "3.4.0"\n}\ndependencies {\n  testImplementation("org.springframework.boot:spring-boot-starter-test")\n}\n',
  gradlew: '#!/bin/sh\n',
  'src/main/kotlin/desk/App.kt': 'package desk\nfun main() {}\n',
  'src/test/kotlin/desk/AppTest.kt':
    'package desk\nimport org.junit.jupiter.api.Test\nclass AppTest { @Test fun ok() {} }\n',
  '.devops/code-review-pipelines.yml': PIPELINE,
  // Not pipelines: prose YAML with `steps:`, a manifest, a Compose file, a GitHub workflow copy.
  'docs/howto.yml': 'steps:\n  - script: ./gradlew build\n',
  'ci/deployment.yaml':
    'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers: []\nsteps:\n  - script: x\n',
  'docker-compose.yml': 'services:\n  db:\n    image: postgres:16\n',
  'pipelines/gh-copy.yml': 'on: push\njobs:\n  t:\n    steps:\n      - script: echo\n',
};

describe('Azure Pipelines at any path, recognised by content', () => {
  it('lists the .devops pipeline as Azure CI, and nothing else', () => {
    const ci = ciFiles(memoryIndex(TREE));
    expect(ci.map((f) => [f.system, f.path])).toEqual([['azure-pipelines', '.devops/code-review-pipelines.yml']]);
  });

  it('tests-in-ci passes citing the Gradle task of the .devops pipeline', async () => {
    const run = await runRuleOn(testsInCi, TREE);
    expect(run.outcome).toBe('pass');
    expect(run.evidence).toContainEqual(
      expect.objectContaining({ path: '.devops/code-review-pipelines.yml', line: 14 }),
    );
  });

  it('ci-pipeline passes citing the same pipeline', async () => {
    const run = await runRuleOn(ciPipeline, TREE);
    expect(run.outcome).toBe('pass');
    expect(run.message).toContain('azure-pipelines');
    expect(run.evidence.some((e) => e.path === '.devops/code-review-pipelines.yml' && e.line === 14)).toBe(true);
  });

  it('a YAML with `steps:` in docs/ is not CI: no CI file at all', async () => {
    const { '.devops/code-review-pipelines.yml': _, ...rest } = TREE;
    expect(ciFiles(memoryIndex(rest))).toEqual([]);
    const run = await runRuleOn(testsInCi, rest);
    expect(run.outcome).toBe('fail');
  });

  it('content check: a template with tasks counts; GitLab, Compose and manifests do not', () => {
    expect(
      azurePipelineContent(
        'parameters:\n  - name: env\nsteps:\n  - task: HelmDeploy@0\n    inputs:\n      command: upgrade\n',
      ),
    ).toBe(true);
    expect(azurePipelineContent('stages:\n  - test\nimage: node:20\ntest:\n  script:\n    - npm test\n')).toBe(false);
    expect(azurePipelineContent('steps:\n  - script: echo hi\n')).toBe(false);
  });
});
