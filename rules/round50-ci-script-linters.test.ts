import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import linting from './quality/linting.js';

/**
 * Blind round 50 (a Swift service with its Terraform beside it): CI ran TFLint and `terraform validate`
 * from a script through a version manager (`mise x -- tflint`), and handed its unit tests to a reusable
 * workflow of another repository with `with_linting: true`; linting was "No linter configured".
 */
const WORKFLOW = (lintSwitch: string, tfJob: boolean) =>
  [
    'name: tests', // 1
    'on: [pull_request]', // 2
    'jobs:', // 3
    '  unit-tests:', // 4
    '    uses: acme/ci/.github/workflows/run-unit-tests.yml@main', // 5
    '    with:', // 6
    '      with_coverage: false', // 7
    `      ${lintSwitch}`, // 8
    ...(tfJob
      ? [
          '  terraform-lint:', // 9
          '    runs-on: ubuntu-latest', // 10
          '    steps:', // 11
          '      - uses: actions/checkout@v4', // 12
          '      - run: ./scripts/tf-check.sh', // 13
        ]
      : []),
    '',
  ].join('\n');

const TF_CHECK = [
  '#!/usr/bin/env bash', // 1
  'set -euo pipefail', // 2
  'cd infra', // 3
  'mise x -- terraform fmt -check -recursive', // 4
  'mise x -- terraform validate -no-color', // 5
  'mise x -- tflint --no-color --config="$PWD/.tflint.hcl"', // 6
  '',
].join('\n');

const tree = (lintSwitch: string, tfJob = true) => ({
  'Package.swift':
    '// swift-tools-version:5.9\nimport PackageDescription\nlet package = Package(name: "Bot", targets: [.executableTarget(name: "Bot")])\n',
  'Sources/Bot/main.swift': 'print("hello")\n',
  'Sources/Bot/Handler.swift': 'struct Handler {\n    func run() {}\n}\n',
  'infra/main.tf': 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n',
  'infra/.tflint.hcl': 'plugin "aws" {\n  enabled = true\n}\n',
  '.github/workflows/test.yml': WORKFLOW(lintSwitch, tfJob),
  'scripts/tf-check.sh': TF_CHECK,
});

describe('round 50: linters run by a CI script and by a called workflow', () => {
  it('a called workflow with its lint switch on lints: pass, cited at the input', async () => {
    const r = await runRuleOn(linting, tree('with_linting: true'), { profile: 'service' });
    expect(r.outcome).toBe('pass');
    expect(r.message).toMatch(/with_linting: true/);
    expect(r.message).toMatch(/not read offline/);
    expect(r.evidence).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: '.github/workflows/test.yml', line: 8 })]),
    );
    expect(r.message).toMatch(/TFLint/);
  });

  it('TFLint behind `mise x --` on the Terraform only, the Swift code unlinted: no linter of the code, saying what runs', async () => {
    const r = await runRuleOn(linting, tree('with_linting: false'), { profile: 'service' });
    expect(r.outcome).toBe('fail');
    expect(r.message).toMatch(
      /No linter of the Swift code \(\d+ files\) is configured; CI runs only TFLint and terraform validate, on the infrastructure code/,
    );
    expect(r.evidence).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'scripts/tf-check.sh', line: 6 })]),
    );
  });

  it('in an infrastructure repository, TFLint behind `mise x --` is its linter: pass', async () => {
    const r = await runRuleOn(linting, tree('with_linting: false'), { profile: 'infrastructure' });
    expect(r.outcome).toBe('pass');
    expect(r.message).toMatch(/TFLint/);
  });

  it('neither: no linter', async () => {
    const r = await runRuleOn(linting, tree('with_linting: false', false), { profile: 'service' });
    expect(r.outcome).toBe('fail');
  });
});
