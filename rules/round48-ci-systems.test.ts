/**
 * Blind round 48, class "CI systems not read": Woodpecker pipelines written as `.woodpecker/*.yaml`
 * (only `.yml` was read) were "No CI configuration", so ci-pipeline and tests-in-ci failed, linting
 * said no CI job runs the hooks and security-scanning said there was no CI. The same held for
 * Forgejo/Gitea Actions (`.forgejo/workflows`, `.gitea/workflows`: GitHub's syntax) and Tekton
 * Pipelines as Code (`.tekton/`). Each step of a Woodpecker workflow is a job, named as written.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import type { Tree } from '../src/testing/memory.js';
import { ciFiles } from '../src/facts/ci.js';
import { memoryIndex } from '../src/testing/memory.js';
import ciPipeline from './operations/ci-pipeline.js';
import testsInCi from './quality/tests-in-ci.js';
import linting from './quality/linting.js';
import securityScanning from './security/security-scanning.js';

const GO = {
  'go.mod': 'module example.org/tool\n\ngo 1.22\n',
  'main.go': 'package main\n\nfunc main() {}\n',
  'main_test.go': 'package main\n\nimport "testing"\n\nfunc TestMain1(t *testing.T) {}\n',
  '.golangci.yml': 'linters:\n  enable: [govet]\n',
};

const WOODPECKER = [
  'when:',
  '  branch: main',
  '',
  'steps:',
  '  test:',
  '    image: golang:1.22',
  '    commands:',
  '      - go test ./...',
  '    when:',
  '      - event: pull_request',
  '  lint:',
  '    image: golangci/golangci-lint',
  '    commands:',
  '      - golangci-lint run',
  '  scan:',
  '    image: securego/gosec',
  '    commands:',
  '      - gosec ./...',
  '',
].join('\n');

describe('Woodpecker, Forgejo/Gitea and Tekton pipelines are CI (round 48)', () => {
  it('reads .woodpecker/*.yaml, one job per step', async () => {
    const tree: Tree = { ...GO, '.woodpecker/checks.yaml': WOODPECKER };
    const ci = await runRuleOn(ciPipeline, tree);
    expect(ci.outcome).toBe('pass');
    expect(ci.evidence).toContainEqual(
      expect.objectContaining({ path: '.woodpecker/checks.yaml', note: 'woodpecker: 3 jobs (test, lint, scan)' }),
    );
    const tests = await runRuleOn(testsInCi, tree);
    expect(tests.outcome).toBe('pass');
    expect(tests.evidence).toContainEqual(
      expect.objectContaining({ path: '.woodpecker/checks.yaml', line: 8, note: expect.stringContaining('job test') }),
    );
    const lint = await runRuleOn(linting, tree);
    expect(lint.outcome).toBe('pass');
    expect(lint.message).toContain('run in CI');
    const scan = await runRuleOn(securityScanning, tree);
    expect(scan.message).not.toContain('No CI configuration');
    expect(scan.message).toContain('gosec');
  });

  it('reads a list of steps in .woodpecker.yaml and 1.x `pipeline:`', () => {
    const files = memoryIndex({
      '.woodpecker.yaml': 'steps:\n  - name: unit\n    image: node:20\n    commands:\n      - npm test\n',
      '.woodpecker/old.yml': 'pipeline:\n  build:\n    image: node:20\n    commands:\n      - npm run build\n',
    });
    const ci = ciFiles(files);
    expect(ci.map((f) => [f.system, f.path, f.jobs.map((j) => j.name)])).toEqual([
      ['woodpecker', '.woodpecker.yaml', ['unit']],
      ['woodpecker', '.woodpecker/old.yml', ['build']],
    ]);
    expect(ci[0]!.commands).toContainEqual(expect.objectContaining({ text: 'npm test', job: 'unit', line: 5 }));
  });

  it('runs a Woodpecker step in its `directory:`', async () => {
    const tree: Tree = {
      'web/package.json': '{"name":"web","scripts":{"lint":"eslint ."},"devDependencies":{"eslint":"9.0.0"}}',
      'web/eslint.config.js': 'export default [];\n',
      'web/src/app.js': 'export const x = 1;\n',
      '.woodpecker/web.yaml':
        'steps:\n  lint:\n    image: node:20\n    directory: web/\n    commands:\n      - npm run lint\n',
    };
    const [f] = ciFiles(memoryIndex(tree));
    expect(f!.commands).toContainEqual(expect.objectContaining({ text: 'npm run lint', cwd: 'web', job: 'lint' }));
    const lint = await runRuleOn(linting, tree);
    expect(lint.message).toBe('ESLint configured and run in CI.');
  });

  it('reads Forgejo and Gitea Actions workflows as GitHub Actions', async () => {
    const wf =
      'on: [push]\njobs:\n  test:\n    runs-on: docker\n    steps:\n      - uses: actions/checkout@v4\n      - run: go test ./...\n';
    for (const path of ['.forgejo/workflows/test.yaml', '.gitea/workflows/test.yml']) {
      const r = await runRuleOn(testsInCi, { ...GO, [path]: wf });
      expect(r.outcome).toBe('pass');
      expect(r.evidence).toContainEqual(expect.objectContaining({ path, line: 7 }));
    }
  });

  it('reads a Tekton PipelineRun of .tekton/ by its tasks', () => {
    const files = memoryIndex({
      '.tekton/pull-request.yaml': [
        'apiVersion: tekton.dev/v1',
        'kind: PipelineRun',
        'metadata:',
        '  name: pr',
        'spec:',
        '  pipelineSpec:',
        '    tasks:',
        '      - name: unit-tests',
        '        taskSpec:',
        '          steps:',
        '            - name: test',
        '              image: golang:1.22',
        '              script: |',
        '                go test ./...',
        '',
      ].join('\n'),
    });
    const [f] = ciFiles(files);
    expect(f).toMatchObject({ system: 'tekton', jobs: [{ name: 'unit-tests' }] });
    expect(f!.commands).toContainEqual(expect.objectContaining({ text: 'go test ./...', job: 'unit-tests', line: 14 }));
  });

  it('still no CI: a Woodpecker file elsewhere, or a YAML in .woodpecker/ subfolders', async () => {
    const tree: Tree = { ...GO, 'docs/woodpecker/.woodpecker.yaml': WOODPECKER, '.woodpecker/lib/x.yaml': WOODPECKER };
    const r = await runRuleOn(ciPipeline, tree);
    expect(r.outcome).toBe('fail');
  });
});
