/**
 * Blind round 41: tests a CI job runs against a stack deployed before them (`terraform apply` in
 * the job or in a job it needs), or in a job named for integration tests, are integration tests;
 * pytest run that way was counted as unit tests only ("unit only").
 */
import { describe, expect, it } from 'vitest';
import testTypes from './quality/test-types.js';
import { runRuleOn } from '../src/testing/rule-tester.js';

const MODULE = {
  'main.tf': 'resource "aws_lambda_function" "ca" {\n  function_name = "ca"\n}\n',
  'variables.tf': 'variable "env" {\n  type = string\n}\n',
  'lambda/issue.py': 'def handler(event, context):\n    return {"ok": True}\n',
  'unittests/test_issue.py':
    'from lambda_.issue import handler\n\ndef test_ok():\n    assert handler({}, None)["ok"]\n',
  'tests/test_live_ca.py':
    'import boto3\n\ndef test_ca_issues_cert():\n    client = boto3.client("lambda")\n    assert client.invoke(FunctionName="ca")\n',
  'requirements-dev.txt': 'pytest\nboto3\n',
};

const workflow = (...jobs: string[]) =>
  [
    'on: push',
    'jobs:',
    '  unit:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - run: pytest unittests',
    ...jobs,
  ].join('\n');

const APPLY = [
  '  deploy:', // 7
  '    runs-on: ubuntu-latest',
  '    steps:',
  '      - run: terraform init',
  '      - name: terraform apply',
  '        run: terraform apply -auto-approve', // 12: the command, not the step's name
];

describe('tests run against a deployed stack are integration tests', () => {
  it('a job that needs the job running terraform apply runs integration tests', async () => {
    const run = await runRuleOn(
      testTypes,
      {
        ...MODULE,
        '.github/workflows/ci.yml': workflow(
          ...APPLY,
          '  check:', // 13
          '    needs: deploy',
          '    runs-on: ubuntu-latest',
          '    steps:',
          '      - run: pytest -v tests', // 17
        ),
      },
      { profile: 'infrastructure' },
    );
    expect(run.message).toContain('integration tests');
    const e = run.evidence.find((x) => x.note?.includes('deployed stack'));
    expect(e).toMatchObject({ path: '.github/workflows/ci.yml', line: 17 });
    expect(e?.note).toContain(
      'after terraform apply -auto-approve in job deploy (.github/workflows/ci.yml:12), which it needs',
    );
  });

  it('a deploy step before the test step in the same job, or a job named integration, counts too', async () => {
    const own = await runRuleOn(
      testTypes,
      {
        ...MODULE,
        '.github/workflows/ci.yml': workflow(
          '  live:',
          '    runs-on: ubuntu-latest',
          '    steps:',
          '      - run: terraform apply -auto-approve',
          '      - run: pytest tests',
        ),
      },
      { profile: 'infrastructure' },
    );
    expect(own.evidence.some((x) => x.note?.includes('after its own deploy step'))).toBe(true);
    const named = await runRuleOn(
      testTypes,
      {
        ...MODULE,
        '.github/workflows/ci.yml': workflow(
          '  integration_tests:',
          '    name: Integration Tests',
          '    runs-on: ubuntu-latest',
          '    steps:',
          '      - run: pytest tests',
        ),
      },
      { profile: 'infrastructure' },
    );
    expect(named.evidence.some((x) => x.note?.includes('in a job named for integration tests'))).toBe(true);
  });

  it('a job titled Continuous Integration is no integration-test job', async () => {
    const run = await runRuleOn(
      testTypes,
      {
        ...MODULE,
        '.github/workflows/ci.yml': workflow(
          '  ci:',
          '    name: Continuous Integration',
          '    runs-on: ubuntu-latest',
          '    steps:',
          '      - run: pytest tests',
        ),
      },
      { profile: 'infrastructure' },
    );
    expect(run.message).toMatch(/^unit tests found; no integration/);
  });

  it('tests before a deploy, or in a job that deploys nothing, stay unit tests', async () => {
    const run = await runRuleOn(
      testTypes,
      {
        ...MODULE,
        '.github/workflows/ci.yml': workflow(
          '  release:',
          '    runs-on: ubuntu-latest',
          '    steps:',
          '      - run: pytest tests',
          '      - run: terraform apply -auto-approve',
        ),
      },
      { profile: 'infrastructure' },
    );
    expect(run.message).toMatch(/^unit tests found; no integration/);
    expect(run.evidence.some((x) => x.note?.includes('deployed stack'))).toBe(false);
  });
});
