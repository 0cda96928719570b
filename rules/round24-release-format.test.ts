/**
 * Blind round 24, class "release tool and formatter named": a build tool's release action shared as
 * an organisation's sub-action (`…/maven-release@…`) and a `.github/release.yml` release-notes config
 * are release tooling; a Java formatter run in CI is named beside a terraform_fmt hook. Each case
 * asserts the verdict and the file:line cited.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import type { Tree } from '../src/testing/memory.js';
import releaseManagement from './operations/release-management.js';
import formatting from './quality/formatting.js';

const RELEASE = [
  'name: release', // 1
  'on:', // 2
  '  workflow_dispatch:', // 3
  'jobs:', // 4
  '  release:', // 5
  '    runs-on: ubuntu-latest', // 6
  '    steps:', // 7
  '      - uses: actions/checkout@v4', // 8
  '      - name: Make release', // 9
  '        uses: example-org/actions-templates/maven-release@0123456789abcdef0123456789abcdef01234567 # v1.2.0', // 10
  '        with:', // 11
  '          semver: minor', // 12
  '',
].join('\n');

const CHECK = [
  'name: check', // 1
  'on: pull_request', // 2
  'jobs:', // 3
  '  format:', // 4
  '    runs-on: ubuntu-latest', // 5
  '    steps:', // 6
  '      - uses: actions/checkout@v4', // 7
  '      - name: Formatting', // 8
  '        uses: findologic/intellij-format-action@main', // 9
  '        with:', // 10
  '          path: .', // 11
  '          fail-on-changes: false', // 12
  '',
].join('\n');

const base: Tree = {
  'pom.xml': '<project><groupId>org.example</groupId><artifactId>fees</artifactId><version>1.0.0</version></project>\n',
  'src/main/java/org/example/App.java': 'package org.example;\n\npublic class App {}\n',
  '.pre-commit-config.yaml':
    'repos:\n  - repo: https://github.com/antonbabenko/pre-commit-terraform\n    rev: v1.96.1\n    hooks:\n      - id: terraform_fmt\n',
  'infra/main.tf': 'terraform {\n  required_version = ">= 1.5"\n}\n',
};

describe('round 24: release tooling and formatters are named', () => {
  it('a Maven release sub-action and .github/release.yml are release tooling', async () => {
    const run = await runRuleOn(
      releaseManagement,
      {
        ...base,
        '.github/workflows/release.yml': RELEASE,
        '.github/release.yml': 'changelog:\n  categories:\n    - title: Features\n      labels: [enhancement]\n',
      },
      { profile: 'service' },
    );
    expect(run.outcome).toBe('pass');
    expect(run.message).toBe(
      'Releases are automated (GitHub release notes config and Maven release); no CHANGELOG with version headings (release notes may live on the release page).',
    );
    expect(run.evidence[0]).toMatchObject({
      path: '.github/release.yml',
      note: 'GitHub release notes config configuration',
    });
    expect(run.evidence.find((e) => e.path === '.github/workflows/release.yml')).toMatchObject({ line: 10 });
    const none = await runRuleOn(releaseManagement, base, { profile: 'service' });
    expect(none.outcome).toBe('fail');
  });

  it('the IntelliJ formatter in CI is named beside the terraform_fmt hook', async () => {
    const run = await runRuleOn(formatting, { ...base, '.github/workflows/check.yml': CHECK }, { profile: 'service' });
    expect(run.outcome).toBe('pass');
    expect(run.message).toBe(
      'IntelliJ formatter run in CI in write mode (it rewrites the code and fails on nothing); terraform fmt run as commit hooks.',
    );
    expect(run.evidence[0]).toMatchObject({ path: '.github/workflows/check.yml', line: 9 });
    expect(run.evidence[1]).toMatchObject({ path: '.pre-commit-config.yaml', line: 5 });
    // Java alone, no formatter anywhere: nothing formats the code.
    const none = await runRuleOn(
      formatting,
      {
        'pom.xml': base['pom.xml']!,
        'src/main/java/org/example/App.java': base['src/main/java/org/example/App.java']!,
      },
      { profile: 'service' },
    );
    expect(none.outcome).toBe('fail');
  });
});
