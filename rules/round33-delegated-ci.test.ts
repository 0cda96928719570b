/**
 * Blind round 33: CI delegated to a reusable workflow of another repository named for building or
 * testing (`build.yml` of a shared repository, `workflow-common-setup-and-build.yml`) is the
 * pipeline's build and test. It cannot be read offline, so the evidence says where its steps live;
 * a delegated workflow named for something else (snapshots, release notes) stays unknown/partial.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import ciPipeline from './operations/ci-pipeline.js';
import testsInCi from './quality/tests-in-ci.js';
import linting from './quality/linting.js';
import securityScanning from './security/security-scanning.js';

const delegating = (workflow: string) => ({
  'go.mod': 'module example.com/rec\n\ngo 1.22\n',
  'main.go': 'package main\n\nfunc main() {}\n',
  'parse.go': 'package main\n\nfunc parse(s string) int { return len(s) }\n',
  'parse_test.go':
    'package main\n\nimport "testing"\n\nfunc TestParse(t *testing.T) {\n\tif parse("ab") != 2 {\n\t\tt.Fatal("len")\n\t}\n}\n',
  '.github/workflows/build.yml': `name: build\non: [push, pull_request]\njobs:\n  main:\n    uses: acme/meta/.github/workflows/${workflow}@main\n`,
});

describe('round 33: CI delegated to a build/test workflow of another repository', () => {
  it('tests-in-ci passes for a repository with tests whose CI calls a shared build workflow, saying it was not read', async () => {
    const run = await runRuleOn(testsInCi, delegating('build.yml'), { profile: 'cli' });
    expect(run.outcome).toBe('pass');
    expect(run.message).toMatch(/acme\/meta\/\.github\/workflows\/build\.yml.*not read offline/);
    expect(run.evidence.some((e) => /steps in acme\/meta, not read offline/.test(e.note ?? ''))).toBe(true);
  });
  it('tests-in-ci stays unknown when the shared workflow is named for something else', async () => {
    const run = await runRuleOn(testsInCi, delegating('snapshot.yml'), { profile: 'cli' });
    expect(run.outcome).toBe('unknown');
  });
  it('tests-in-ci stays unknown when the repository has no tests to run', async () => {
    const tree: Record<string, string> = delegating('build.yml');
    delete tree['parse_test.go'];
    expect((await runRuleOn(testsInCi, tree, { profile: 'cli' })).outcome).toBe('unknown');
  });
  it('ci-pipeline passes for a shared setup-and-build workflow, partial for a shared snapshot workflow', async () => {
    const built = await runRuleOn(ciPipeline, delegating('workflow-common-setup-and-build.yml'), { profile: 'cli' });
    expect(built.outcome).toBe('pass');
    expect(built.message).toMatch(/build\/test workflow of another repository.*not read offline/);
    const other = await runRuleOn(ciPipeline, delegating('snapshot.yml'), { profile: 'cli' });
    expect(other.outcome).toBe('partial');
  });
});

describe('round 33: a security linter enabled in a config that a shared lint workflow runs', () => {
  const tree = (linters: string) => ({
    'go.mod': 'module example.com/rec\n\ngo 1.22\n',
    'main.go': 'package main\n\nfunc main() {}\n',
    '.golangci.yml': `version: "2"\nlinters:\n  enable:\n${linters}`,
    '.github/workflows/lint.yml':
      'name: lint\non: [push, pull_request]\njobs:\n  lint:\n    uses: acme/meta/.github/workflows/lint.yml@main\n    with:\n      golangci_path: .golangci.yml\n',
  });
  it('gosec enabled: security-scanning passes, naming the security linter in the shared lint workflow', async () => {
    const run = await runRuleOn(securityScanning, tree('    - gosec\n    - revive\n'), { profile: 'cli' });
    expect(run.outcome).toBe('pass');
    expect(run.message).toMatch(/gosec \(security linter in the shared lint workflow\)/);
  });
  it('gosec not enabled: nothing scans', async () => {
    const run = await runRuleOn(securityScanning, tree('    - revive\n'), { profile: 'cli' });
    expect(run.outcome).toBe('fail');
  });
});

describe('round 33: linting through a shared build workflow that runs the project lint script', () => {
  const node = (scripts: string) => ({
    'package.json': `{"name":"ui","scripts":{${scripts}},"devDependencies":{"eslint":"^9.0.0"}}`,
    'eslint.config.mjs': 'export default [{ rules: { semi: "error" } }]\n',
    'server/app.js': 'export const app = 1\n',
    '.github/workflows/pipeline.yml':
      'on: [push, pull_request]\njobs:\n  node_build:\n    uses: acme/shared-actions/.github/workflows/node_build.yml@v2\n',
  });
  it('a lint script and a shared node_build workflow: pass, with the steps named as not read', async () => {
    const run = await runRuleOn(linting, node('"lint":"eslint . --max-warnings 0","build":"node build.js"'), {
      profile: 'service',
    });
    expect(run.outcome).toBe('pass');
    expect(run.message).toMatch(/project's lint task runs ESLint; the workflow's steps were not read offline/);
  });
  it('no lint script: still configured only', async () => {
    const run = await runRuleOn(linting, node('"build":"node build.js"'), { profile: 'service' });
    expect(run.outcome).toBe('partial');
  });
});
