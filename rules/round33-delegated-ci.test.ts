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
